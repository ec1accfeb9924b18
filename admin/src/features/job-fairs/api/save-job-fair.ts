import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { JobFair, JobFairBody, UpdateJobFairBody } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { jobFairsQueryKey } from '@/features/job-fairs/api/list-job-fairs';

export function useSaveJobFair() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: null; body: JobFairBody } | { id: string; body: UpdateJobFairBody }) =>
      input.id === null
        ? api.post<JobFair>('/job-fairs', input.body, { expected: true })
        : api.patch<JobFair>(`/job-fairs/${encodeURIComponent(input.id)}`, input.body, { expected: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: jobFairsQueryKey }),
  });
}
