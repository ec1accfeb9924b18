import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateStaffBody, StaffUser } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { staffQueryKey } from '@/features/staff/api/list-staff';

export type CreatedStaff = { user: StaffUser; temporaryPassword: string };

export function useCreateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateStaffBody) =>
      api.post<CreatedStaff>('/staff', body, { expected: ['VALIDATION_FAILED', 'USERNAME_TAKEN'] }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffQueryKey }),
  });
}
