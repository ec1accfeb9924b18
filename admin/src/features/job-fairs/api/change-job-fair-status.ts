import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { JobFair } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { jobFairsQueryKey } from '@/features/job-fairs/api/list-job-fairs';

export function usePublishJobFair() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<JobFair>(`/job-fairs/${encodeURIComponent(id)}/publish`, undefined, { expected: ['JOB_FAIR_TRANSITION_NOT_ALLOWED'] }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: jobFairsQueryKey }),
  });
}

export function useCancelJobFair() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post<JobFair>(`/job-fairs/${encodeURIComponent(id)}/cancel`, { reason }, { expected: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: jobFairsQueryKey }),
  });
}
