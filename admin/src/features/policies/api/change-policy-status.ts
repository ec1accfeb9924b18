import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StaffPolicyDetail } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { policyDetailKey, useStorePolicy } from '@/features/policies/api/get-policy';
import { policiesQueryKey } from '@/features/policies/api/list-policies';

/** 发布 / 归档: the page shows a refused transition (409) itself. */
export function useChangePolicyStatus() {
  const store = useStorePolicy();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'publish' | 'archive' }) =>
      api.post<StaffPolicyDetail>(`/policies/${encodeURIComponent(id)}/${action}`, undefined, { expected: true }),
    onSuccess: store,
  });
}

/** Only a draft can be deleted. */
export function useDeletePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/policies/${encodeURIComponent(id)}`, { expected: true }),
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: policyDetailKey(id) });
      void queryClient.invalidateQueries({ queryKey: [...policiesQueryKey, 'list'] });
    },
  });
}
