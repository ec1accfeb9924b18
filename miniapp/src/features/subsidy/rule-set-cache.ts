import Taro from '@tarojs/taro';
import type { SubsidyRuleSet } from '@anqian/shared';

/** The last rule set downloaded from /subsidy-rule-sets/current, for estimates without a network. */
export type CachedRuleSet = { ruleSet: SubsidyRuleSet; downloadedAt: string };

const KEY = 'aq.subsidy-rule-set.v1';

function isCached(value: unknown): value is CachedRuleSet {
  if (typeof value !== 'object' || value === null) return false;
  const { ruleSet, downloadedAt } = value as Partial<CachedRuleSet>;
  return (
    typeof downloadedAt === 'string' &&
    typeof ruleSet === 'object' &&
    ruleSet !== null &&
    typeof ruleSet.id === 'string' &&
    typeof ruleSet.version === 'number' &&
    typeof ruleSet.housing?.perPersonFen === 'object' &&
    typeof ruleSet.specialStatus === 'object'
  );
}

export function loadCachedRuleSet(): CachedRuleSet | null {
  try {
    const value: unknown = Taro.getStorageSync(KEY);
    return isCached(value) ? value : null;
  } catch {
    return null;
  }
}

export function saveCachedRuleSet(cached: CachedRuleSet): void {
  try {
    Taro.setStorageSync(KEY, cached);
  } catch {
    // Storage full: this estimate still works, only the offline fallback is lost.
  }
}

export function clearCachedRuleSet(): void {
  try {
    Taro.removeStorageSync(KEY);
  } catch {
    // Nothing useful to do; a stale copy is only used when the server cannot be reached.
  }
}
