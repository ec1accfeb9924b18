import { useQuery } from '@tanstack/react-query';
import type { SubsidyRuleSetSummary } from '@anqian/shared';
import { api } from '@/lib/api-client';

export const ruleSetsQueryKey = ['subsidy-rule-sets'] as const;

/** Rule sets are few (one per period): the whole list, newest period first. */
export function useRuleSetList() {
  return useQuery({
    queryKey: [...ruleSetsQueryKey, 'list'],
    queryFn: () => api.get<{ items: SubsidyRuleSetSummary[] }>('/subsidy-rule-sets', { expected: true }),
  });
}
