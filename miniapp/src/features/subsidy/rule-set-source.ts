import type { SubsidyRuleSet } from '@anqian/shared';
import { ApiError, errorMessage, request } from '../../lib/request';
import { clearCachedRuleSet, loadCachedRuleSet, saveCachedRuleSet } from './rule-set-cache';

export type RuleSetState =
  | { status: 'current'; ruleSet: SubsidyRuleSet; downloadedAt: string }
  /** The server could not be reached: the copy downloaded earlier, with why. */
  | { status: 'offline'; ruleSet: SubsidyRuleSet; downloadedAt: string; problem: string }
  /** The county has no standard in force today. */
  | { status: 'none'; message: string }
  /** Never downloaded, and the server cannot be reached now. */
  | { status: 'unavailable'; message: string };

function fetchCurrentRuleSet(): Promise<SubsidyRuleSet> {
  return request<SubsidyRuleSet>('/subsidy-rule-sets/current', { auth: false, retryPrompt: false });
}

/**
 * The rule set the calculator uses: today's from the server (kept on the phone), else the last one
 * downloaded. No figures are ever made up: without either, the calculator says so.
 */
export async function obtainRuleSet(now: () => Date = () => new Date()): Promise<RuleSetState> {
  try {
    const ruleSet = await fetchCurrentRuleSet();
    const downloadedAt = now().toISOString();
    saveCachedRuleSet({ ruleSet, downloadedAt });
    return { status: 'current', ruleSet, downloadedAt };
  } catch (failure) {
    if (failure instanceof ApiError && failure.code === 'SUBSIDY_RULES_NOT_SET') {
      // The county withdrew or ended its standard: an old copy must not be offered later.
      clearCachedRuleSet();
      return { status: 'none', message: failure.message };
    }
    const cached = loadCachedRuleSet();
    if (cached) return { status: 'offline', ...cached, problem: errorMessage(failure) };
    return { status: 'unavailable', message: `还没有下载过补助标准，现在也连不上服务器（${errorMessage(failure)}）。请连上网络后再打开本页。` };
  }
}
