import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Employer, ListEmployersQuery, Page } from '@anqian/shared';
import { api } from '@/lib/api-client';

export const employersQueryKey = ['employers'] as const;

export function useEmployerList(params: Partial<ListEmployersQuery> & Pick<ListEmployersQuery, 'page' | 'pageSize'>) {
  return useQuery({
    queryKey: [...employersQueryKey, 'list', params],
    queryFn: () => api.get<Page<Employer>>('/employers', { query: params, expected: true }),
    placeholderData: keepPreviousData,
  });
}
