import type { ResidentTownshipContacts } from '@anqian/shared';
import { request } from '@/lib/request';

/**
 * Whom to call: the township of `villageCode`, or of the resident's own registrations (every
 * township office with a phone when they have none yet).
 */
export function getTownshipContacts(villageCode?: string): Promise<ResidentTownshipContacts> {
  return request<ResidentTownshipContacts>('/resident/township-contacts', { data: villageCode ? { villageCode } : {} });
}
