import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { StaffAnnouncementDetail } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { announcementsQueryKey } from '@/features/announcements/api/list-announcements';

export const announcementDetailKey = (id: string) => [...announcementsQueryKey, 'detail', id] as const;

export function useAnnouncement(id: string) {
  return useQuery({
    queryKey: announcementDetailKey(id),
    queryFn: () => api.get<StaffAnnouncementDetail>(`/announcements/${encodeURIComponent(id)}`, { expected: true }),
  });
}

/** Every write answers with the updated detail: show it at once and let lists and receipts refetch. */
export function useStoreAnnouncement() {
  const queryClient = useQueryClient();
  return (detail: StaffAnnouncementDetail) => {
    queryClient.setQueryData(announcementDetailKey(detail.id), detail);
    void queryClient.invalidateQueries({ queryKey: [...announcementsQueryKey, 'list'] });
    void queryClient.invalidateQueries({ queryKey: [...announcementsQueryKey, 'receipts', detail.id] });
  };
}
