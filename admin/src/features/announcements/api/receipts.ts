import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { AnnouncementReceipts, AnnouncementUnreadResident, Page } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { announcementsQueryKey } from '@/features/announcements/api/list-announcements';

const receiptsKey = (id: string) => [...announcementsQueryKey, 'receipts', id] as const;

export function useAnnouncementReceipts(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...receiptsKey(id), 'counts'],
    queryFn: () => api.get<AnnouncementReceipts>(`/announcements/${encodeURIComponent(id)}/receipts`, { expected: true }),
    enabled,
  });
}

export function useUnreadResidents(id: string, params: { page: number; pageSize: number; villageCode?: string }, enabled: boolean) {
  return useQuery({
    queryKey: [...receiptsKey(id), 'unread', params],
    queryFn: () => api.get<Page<AnnouncementUnreadResident>>(`/announcements/${encodeURIComponent(id)}/unread`, { query: params, expected: true }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The server records every reveal in the audit log; the full number is never cached. */
export function useRevealUnreadPhone(id: string) {
  return useMutation({
    mutationFn: (residentId: string) =>
      api.post<{ phone: string }>(`/announcements/${encodeURIComponent(id)}/unread/${encodeURIComponent(residentId)}/reveal-phone`),
  });
}
