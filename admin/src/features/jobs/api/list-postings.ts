import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { JobPostingSummary, ListPostingsQuery, Page } from '@anqian/shared';
import { api } from '@/lib/api-client';

export const postingsQueryKey = ['job-postings'] as const;

export function usePostingList(params: Partial<ListPostingsQuery> & Pick<ListPostingsQuery, 'page' | 'pageSize'>) {
  return useQuery({
    queryKey: [...postingsQueryKey, 'list', params],
    queryFn: () => api.get<Page<JobPostingSummary>>('/job-postings', { query: params, expected: true }),
    placeholderData: keepPreviousData,
  });
}
