import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StaffSubsidyRuleSet, SubsidyRuleSetBody, UpdateSubsidyRuleSetBody } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { ruleSetDetailKey } from '@/features/subsidies/api/get-rule-set';
import { ruleSetsQueryKey } from '@/features/subsidies/api/list-rule-sets';

function useStoreRuleSet() {
  const queryClient = useQueryClient();
  return (saved: StaffSubsidyRuleSet) => {
    queryClient.setQueryData(ruleSetDetailKey(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: [...ruleSetsQueryKey, 'list'] });
    // Estimates on registrations follow the rule set in force.
    void queryClient.invalidateQueries({ queryKey: ['registrations', 'subsidy'] });
  };
}

/** The editor shows overlaps, concurrent changes and validation details itself. */
export function useCreateRuleSet() {
  const store = useStoreRuleSet();
  return useMutation({
    mutationFn: (body: SubsidyRuleSetBody) => api.post<StaffSubsidyRuleSet>('/subsidy-rule-sets', body, { expected: true }),
    onSuccess: store,
  });
}

export function useUpdateRuleSet() {
  const store = useStoreRuleSet();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateSubsidyRuleSetBody }) =>
      api.put<StaffSubsidyRuleSet>(`/subsidy-rule-sets/${encodeURIComponent(id)}`, body, { expected: true }),
    onSuccess: store,
  });
}

/** Only a rule set whose period has not started can be deleted. */
export function useDeleteRuleSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/subsidy-rule-sets/${encodeURIComponent(id)}`, { expected: true }),
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: ruleSetDetailKey(id) });
      void queryClient.invalidateQueries({ queryKey: [...ruleSetsQueryKey, 'list'] });
    },
  });
}
