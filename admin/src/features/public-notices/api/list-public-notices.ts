import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page, PublicNoticeSummary } from '@anqian/shared';
import { api } from '@/lib/api-client';

export const publicNoticesQueryKey = ['public-notices'] as const;

export function usePublicNoticeList(params: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...publicNoticesQueryKey, 'list', params],
    // The page shows failures inline with a retry button.
    queryFn: () => api.get<Page<PublicNoticeSummary>>('/public-notices', { query: params, expected: true }),
    placeholderData: keepPreviousData,
  });
}
