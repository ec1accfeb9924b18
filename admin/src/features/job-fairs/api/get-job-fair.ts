import { useQuery } from '@tanstack/react-query';
import type { JobFair, JobFairStats } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { jobFairsQueryKey } from '@/features/job-fairs/api/list-job-fairs';

export function useJobFair(id: string) {
  return useQuery({
    queryKey: [...jobFairsQueryKey, 'detail', id],
    queryFn: () => api.get<JobFair>(`/job-fairs/${encodeURIComponent(id)}`, { expected: true }),
  });
}

/** Refreshed every 15 s while the page is open, so the door's count keeps up. */
export function useJobFairStats(id: string) {
  return useQuery({
    queryKey: [...jobFairsQueryKey, 'stats', id],
    queryFn: () => api.get<JobFairStats>(`/job-fairs/${encodeURIComponent(id)}/stats`, { expected: true }),
    refetchInterval: 15_000,
  });
}
