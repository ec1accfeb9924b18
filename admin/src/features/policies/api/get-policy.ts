import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { StaffPolicyDetail } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { policiesQueryKey } from '@/features/policies/api/list-policies';

export const policyDetailKey = (id: string) => [...policiesQueryKey, 'detail', id] as const;

export function usePolicy(id: string) {
  return useQuery({
    queryKey: policyDetailKey(id),
    queryFn: () => api.get<StaffPolicyDetail>(`/policies/${encodeURIComponent(id)}`, { expected: true }),
  });
}

/** Every write answers with the updated detail: show it at once and let lists refetch. */
export function useStorePolicy() {
  const queryClient = useQueryClient();
  return (detail: StaffPolicyDetail) => {
    queryClient.setQueryData(policyDetailKey(detail.id), detail);
    void queryClient.invalidateQueries({ queryKey: [...policiesQueryKey, 'list'] });
  };
}
