import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CheckInResult } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { jobFairsQueryKey } from '@/features/job-fairs/api/list-job-fairs';

/** Refusals (already checked in, invalid ticket) are shown on the page, never as a toast. */
export function useCheckIn(fairId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ticket: string) => api.post<CheckInResult>(`/job-fairs/${encodeURIComponent(fairId)}/check-in`, { ticket }, { expected: true }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...jobFairsQueryKey, 'stats', fairId] }),
  });
}
