import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListRequestsQuery, Page, StaffRequestSummary } from '@anqian/shared';
import { api } from '@/lib/api-client';

export const requestsQueryKey = ['resident-requests'] as const;

export function useRequestList(params: Partial<ListRequestsQuery> & Pick<ListRequestsQuery, 'page' | 'pageSize'>) {
  return useQuery({
    queryKey: [...requestsQueryKey, 'list', params],
    queryFn: () => api.get<Page<StaffRequestSummary>>('/resident-requests', { query: params, expected: true }),
    placeholderData: keepPreviousData,
  });
}
