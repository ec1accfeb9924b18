import type { AnnouncementAttachment } from '@anqian/shared';
import { api } from '@/lib/api-client';

/** Attachments are uploaded one by one, then sent as ids with the announcement. */
export function uploadAnnouncementAttachment(file: File): Promise<AnnouncementAttachment> {
  const form = new FormData();
  form.append('file', file);
  return api.upload<AnnouncementAttachment>('/announcement-attachments', form, { expected: true });
}

/** Same origin, so the session cookie authorises the download. */
export const announcementAttachmentUrl = (id: string) => `/api/announcement-attachments/${encodeURIComponent(id)}`;
