import { useMutation } from '@tanstack/react-query';
import type { CreateAnnouncementBody, StaffAnnouncementDetail, UpdateAnnouncementBody } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { useStoreAnnouncement } from '@/features/announcements/api/get-announcement';

/** A new announcement is a draft until it is published from its detail page. */
export function useCreateAnnouncement() {
  const store = useStoreAnnouncement();
  return useMutation({
    mutationFn: (body: CreateAnnouncementBody) => api.post<StaffAnnouncementDetail>('/announcements', body, { expected: true }),
    onSuccess: store,
  });
}

/** Drafts and scheduled announcements only; the form shows field errors itself. */
export function useUpdateAnnouncement() {
  const store = useStoreAnnouncement();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateAnnouncementBody }) =>
      api.patch<StaffAnnouncementDetail>(`/announcements/${encodeURIComponent(id)}`, body, { expected: true }),
    onSuccess: store,
  });
}
