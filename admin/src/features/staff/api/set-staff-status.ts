import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StaffUser } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { staffQueryKey } from '@/features/staff/api/list-staff';

/** POST /staff/:id/disable or /enable. */
export function useSetStaffStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: StaffUser['status'] }) =>
      api.post<StaffUser>(`/staff/${encodeURIComponent(id)}/${status === 'disabled' ? 'disable' : 'enable'}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffQueryKey }),
  });
}
