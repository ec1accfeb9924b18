import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { JobFair, ListJobFairsQuery, Page } from '@anqian/shared';
import { api } from '@/lib/api-client';

export const jobFairsQueryKey = ['job-fairs'] as const;

export function useJobFairList(params: Partial<ListJobFairsQuery> & Pick<ListJobFairsQuery, 'page' | 'pageSize'>) {
  return useQuery({
    queryKey: [...jobFairsQueryKey, 'list', params],
    queryFn: () => api.get<Page<JobFair>>('/job-fairs', { query: params, expected: true }),
    placeholderData: keepPreviousData,
  });
}
