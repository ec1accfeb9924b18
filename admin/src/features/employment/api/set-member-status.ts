import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EmploymentHousehold, SetMemberStatusBody } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { employmentQueryKey } from '@/features/employment/api/list-employment';

export function useSetMemberStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ householdId, memberKey, body }: { householdId: string; memberKey: string; body: SetMemberStatusBody }) =>
      api.put<EmploymentHousehold>(`/employment/households/${encodeURIComponent(householdId)}/members/${encodeURIComponent(memberKey)}`, body, { expected: true }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: employmentQueryKey }), queryClient.invalidateQueries({ queryKey: ['dashboard'] })]),
  });
}
