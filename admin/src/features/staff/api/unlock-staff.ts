import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StaffUser } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { staffQueryKey } from '@/features/staff/api/list-staff';

export function useUnlockStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<StaffUser>(`/staff/${encodeURIComponent(id)}/unlock`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffQueryKey }),
  });
}
