import { chinaDate, policyValidity, POLICY_VALIDITY_LABELS, type PolicySummary, type PolicyValidity } from '@anqian/shared';

/** `2026-01-05` → `2026年1月5日`. */
export function formatChinaDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** An ISO instant as the China calendar day it fell on. */
export function formatChinaDay(instant: string): string {
  return formatChinaDate(chinaDate(new Date(instant)));
}

export function effectivePeriodText(policy: Pick<PolicySummary, 'publishDate' | 'effectiveFrom' | 'effectiveTo'>): string {
  const from = formatChinaDate(policy.effectiveFrom ?? policy.publishDate);
  return policy.effectiveTo ? `${from} 至 ${formatChinaDate(policy.effectiveTo)}` : `${from}起施行`;
}

export function validityOf(policy: Pick<PolicySummary, 'effectiveFrom' | 'effectiveTo'>, today: string): { validity: PolicyValidity; label: string } {
  const validity = policyValidity(policy, today);
  return { validity, label: POLICY_VALIDITY_LABELS[validity] };
}


/**
 * The server-sanitised body as RichText shows it on a phone: pictures and tables no wider than the
 * screen. The styles are added here, after sanitising, because the server drops every `style`.
 */
export function richTextForDisplay(html: string): string {
  return html
    .replace(/<img\b/gi, '<img style="max-width:100%;height:auto;display:block;margin:8px 0"')
    .replace(/<table\b/gi, '<table style="width:100%;border-collapse:collapse"')
    .replace(/<(td|th)\b/gi, '<$1 style="border:1px solid #d9dce1;padding:4px"');
}
