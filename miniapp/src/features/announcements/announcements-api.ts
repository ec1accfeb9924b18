import type { ResidentAnnouncementArea, ResidentAnnouncementDetail, ResidentAnnouncementPage, ResidentAnnouncementSummary } from '@anqian/shared';
import { ApiError, download, request } from '@/lib/request';

/** Ten rows fit a phone screen or two on a weak signal; 加载更多 brings older ones. */
export const ANNOUNCEMENTS_PAGE_SIZE = 10;

// The pages show their own error with 重试, so no extra retry dialog on top.
const quiet = { retryPrompt: false } as const;

export function listAnnouncements(page: number): Promise<ResidentAnnouncementPage> {
  return request<ResidentAnnouncementPage>(`/resident/announcements?page=${page}&pageSize=${ANNOUNCEMENTS_PAGE_SIZE}`, quiet);
}

/** The server records the read receipt when it answers: opening a notice is reading it. */
export type OpenedAnnouncement = { gone: false; announcement: ResidentAnnouncementDetail } | { gone: true };

/** A withdrawn notice, or one for another area, answers 404: the page says so instead of an error. */
export async function openAnnouncement(id: string): Promise<OpenedAnnouncement> {
  try {
    return { gone: false, announcement: await request<ResidentAnnouncementDetail>(`/resident/announcements/${encodeURIComponent(id)}`, quiet) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { gone: true };
    throw error;
  }
}

/** The newest live hazard alert of the resident's area, for the top of the home page. */
export async function getLiveAlert(): Promise<ResidentAnnouncementSummary | null> {
  const { alert } = await request<{ alert: ResidentAnnouncementSummary | null }>('/resident/announcements/alert', quiet);
  return alert;
}

/** Wrapped, as the API sends it: a null area (none chosen yet) is an answer, not "not loaded". */
export function getAnnouncementArea(): Promise<{ area: ResidentAnnouncementArea | null }> {
  return request<{ area: ResidentAnnouncementArea | null }>('/resident/announcement-area', quiet);
}

export async function chooseAnnouncementArea(villageCode: string): Promise<ResidentAnnouncementArea | null> {
  const { area } = await request<{ area: ResidentAnnouncementArea | null }>('/resident/announcement-area', { method: 'PUT', data: { villageCode } });
  return area;
}

/** A local file path on WeChat, a blob URL on H5. */
export function downloadAnnouncementAttachment(id: string): Promise<string> {
  return download(`/resident/announcement-attachments/${encodeURIComponent(id)}`);
}
