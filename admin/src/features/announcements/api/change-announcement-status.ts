import { useMutation } from '@tanstack/react-query';
import type { StaffAnnouncementDetail } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { useStoreAnnouncement } from '@/features/announcements/api/get-announcement';

export type AnnouncementStaffAction = 'publish' | 'unschedule' | 'withdraw';

/** 发布（或定时）/ 取消定时 / 撤回: the page shows a refused transition (409) itself. */
export function useChangeAnnouncementStatus() {
  const store = useStoreAnnouncement();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: AnnouncementStaffAction }) =>
      api.post<StaffAnnouncementDetail>(`/announcements/${encodeURIComponent(id)}/${action}`, undefined, { expected: true }),
    onSuccess: store,
  });
}
