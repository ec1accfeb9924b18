import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StaffUser, UpdateStaffBody } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { staffQueryKey } from '@/features/staff/api/list-staff';

export function useUpdateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateStaffBody }) =>
      api.patch<StaffUser>(`/staff/${encodeURIComponent(id)}`, body, { expected: ['VALIDATION_FAILED'] }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffQueryKey }),
  });
}
