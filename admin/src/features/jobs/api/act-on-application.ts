import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StaffJobApplication, StaffJobApplicationAction } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { applicationsQueryKey } from '@/features/jobs/api/list-applications';
import { postingsQueryKey } from '@/features/jobs/api/list-postings';

/** Moves an application on with a message to the resident; a hire changes the posting's counts too. */
export function useActOnApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, message }: { id: string; action: StaffJobApplicationAction; message: string }) =>
      api.post<StaffJobApplication>(`/job-applications/${encodeURIComponent(id)}/${action}`, { message }, { expected: true }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: applicationsQueryKey }), queryClient.invalidateQueries({ queryKey: postingsQueryKey })]),
  });
}
