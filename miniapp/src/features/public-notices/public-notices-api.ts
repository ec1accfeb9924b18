import type { PublicNotice, PublicNoticeSummary } from '@anqian/shared';
import { request } from '@/lib/request';

/** Without a village the server lists notices for the villages of the resident's own registrations. */
export async function listPublicNotices(villageCode?: string): Promise<PublicNoticeSummary[]> {
  const { items } = await request<{ items: PublicNoticeSummary[] }>('/resident/public-notices', {
    data: villageCode ? { villageCode, pageSize: 50 } : { pageSize: 50 },
  });
  return items;
}

export function getPublicNotice(id: string): Promise<PublicNotice> {
  return request<PublicNotice>(`/resident/public-notices/${encodeURIComponent(id)}`);
}

export const NOTICE_PHASE_LABELS: Record<PublicNoticeSummary['phase'], string> = {
  upcoming: '即将公示',
  open: '公示中',
  ended: '公示已结束',
};
