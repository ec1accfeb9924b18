import { useQuery } from '@tanstack/react-query';
import type { StaffSubsidyRuleSet, SubsidyRuleSet } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { ruleSetsQueryKey } from '@/features/subsidies/api/list-rule-sets';

export const ruleSetDetailKey = (id: string) => [...ruleSetsQueryKey, 'detail', id] as const;

export function useRuleSet(id: string | undefined) {
  return useQuery({
    queryKey: ruleSetDetailKey(id ?? ''),
    queryFn: () => api.get<StaffSubsidyRuleSet>(`/subsidy-rule-sets/${encodeURIComponent(id!)}`, { expected: true }),
    enabled: id !== undefined,
  });
}

/** A saved version never changes. */
export function useRuleSetVersion(id: string, version: number | null) {
  return useQuery({
    queryKey: [...ruleSetDetailKey(id), 'version', version],
    queryFn: () => api.get<SubsidyRuleSet>(`/subsidy-rule-sets/${encodeURIComponent(id)}/versions/${version}`, { expected: true }),
    enabled: version !== null,
    staleTime: Infinity,
  });
}
