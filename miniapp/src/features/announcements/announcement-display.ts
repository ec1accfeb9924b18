import type { ResidentAnnouncementArea } from '@anqian/shared';
import { shortDivisionName } from '@/lib/division-names';

export const ANNOUNCEMENTS_CONSENT_WHY = '通知按您所在的村推送，选择所在的村需要先同意隐私保护指引。';

/** Past its expiry: still readable when opened from a message, but no longer in force. */
export function isExpired(expiresAt: string | null, now = Date.now()): boolean {
  return expiresAt !== null && Date.parse(expiresAt) <= now;
}

/** "狮山镇 龙泉社区、狮山镇 狮高村": the village(s) whose notices the resident gets. */
export function areaText(area: ResidentAnnouncementArea): string {
  return area.villages.map((village) => `${village.townshipName} ${shortDivisionName(village.name)}`).join('、');
}

