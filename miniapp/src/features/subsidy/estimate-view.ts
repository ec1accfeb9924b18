import { chinaDate, formatFen, type SubsidyEstimate, type SubsidyLineItem } from '@anqian/shared';
import type { RuleSetState } from './rule-set-source';

export const ESTIMATE_DISCLAIMER = '估算，以最终审批为准';

export type LineRow = {
  key: SubsidyLineItem['key'];
  name: string;
  /** `4 人 × 25,000.00 元`; empty for the cap lines, which are a single deduction. */
  calculation: string;
  subtotal: string;
  deduction: boolean;
  source: string;
  policyId: string;
  note?: string;
};

export function lineRows(estimate: SubsidyEstimate): LineRow[] {
  return estimate.lineItems.map((line) => {
    const deduction = line.subtotalFen < 0;
    return {
      key: line.key,
      name: line.name,
      calculation: deduction ? '' : `${line.quantity} ${line.unit} × ${formatFen(line.unitAmountFen)}`,
      subtotal: formatFen(line.subtotalFen),
      deduction,
      source: line.source,
      policyId: line.policyId,
      note: line.note,
    };
  });
}

/** `3 月 5 日` of the China day the rule set was downloaded. */
function monthDay(instant: string): string {
  const [, month, day] = chinaDate(new Date(instant)).split('-').map(Number);
  return `${month} 月 ${day} 日`;
}

/** The line above the calculator: which standard it uses and, when offline, the day it was downloaded. */
export function ruleSetLabel(state: Extract<RuleSetState, { ruleSet: unknown }>): string {
  const name = `${state.ruleSet.name}（第 ${state.ruleSet.version} 版）`;
  if (state.status === 'offline') return `暂时连不上服务器，使用 ${monthDay(state.downloadedAt)}下载的补助标准：${name}`;
  return `补助标准：${name}`;
}
