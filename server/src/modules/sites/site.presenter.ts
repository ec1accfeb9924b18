import type { Site, SiteRef } from '@anqian/shared';
import type { SiteRecord } from './site.model';

export function presentSite(site: SiteRecord, townshipName: string): Site {
  return {
    id: site._id.toString(),
    name: site.name,
    townshipCode: site.townshipCode,
    townshipName,
    type: site.type,
    capacity: site.capacity,
    assigned: site.assigned,
    remaining: site.remaining,
    facilities: site.facilities,
    constructionStatus: site.constructionStatus,
    address: site.address,
    updatedAt: site.updatedAt.toISOString(),
  };
}

export const siteRef = (site: SiteRecord, townshipName: string): SiteRef => ({ id: site._id.toString(), name: site.name, townshipName });
