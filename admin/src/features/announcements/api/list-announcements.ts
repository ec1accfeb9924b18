import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AnnouncementSummary, ListAnnouncementsQuery, Page } from '@anqian/shared';
import { api } from '@/lib/api-client';

export const announcementsQueryKey = ['announcements'] as const;

export function useAnnouncementList(params: Partial<ListAnnouncementsQuery> & Pick<ListAnnouncementsQuery, 'page' | 'pageSize'>) {
  return useQuery({
    queryKey: [...announcementsQueryKey, 'list', params],
    // The page shows failures inline with a retry button.
    queryFn: () => api.get<Page<AnnouncementSummary>>('/announcements', { query: params, expected: true }),
    placeholderData: keepPreviousData,
  });
}
