import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListSitesQuery, Page, Site } from '@anqian/shared';
import { api } from '@/lib/api-client';

export const sitesQueryKey = ['sites'] as const;

export function useSiteList(params: Partial<ListSitesQuery> & Pick<ListSitesQuery, 'page' | 'pageSize'>) {
  return useQuery({
    queryKey: [...sitesQueryKey, 'list', params],
    // The page shows failures inline with a retry button.
    queryFn: () => api.get<Page<Site>>('/sites', { query: params, expected: true }),
    placeholderData: keepPreviousData,
  });
}
