import type { Connection } from 'mongoose';
import {
  ENDED_STATUSES,
  REGISTRATION_STATUSES,
  RESETTLEMENT_TYPES,
  WILLINGNESS,
  type RegistrationDashboard,
  type RegistrationStatus,
} from '@anqian/shared';
import type { StaffActor } from '../../security/staff-actor';
import { divisionFilter, overlapsScope } from '../../security/scope';
import type { DivisionsService } from '../divisions/divisions.service';
import type { EmploymentService } from '../employment/employment.service';
import type { SitesService } from '../sites/sites.service';
import { registrationSummaryModel } from '../registrations/registration-summary.model';

type Counted<K> = { _id: K; count: number };

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/**
 * The registration overview for the caller's area, counted by the database with `$group` over the
 * registration summaries.
 * `total` and `byStatus` count every registration; willingness and resettlement type count only
 * active ones, so a household that withdrew and registered again is not counted twice.
 */
export function createDashboardService(deps: {
  connection: Connection;
  divisions: Pick<DivisionsService, 'tree'>;
  sites: Pick<SitesService, 'all'>;
  employment: Pick<EmploymentService, 'dashboard'>;
}) {
  const Summary = registrationSummaryModel(deps.connection);

  return {
    async registrations(actor: StaffActor): Promise<RegistrationDashboard> {
      const inArea = divisionFilter(actor);
      const active = { ...inArea, status: { $nin: ENDED_STATUSES } };
      const [byTownshipAndStatus, byWillingness, byResettlementType, county, sites, employment] = await Promise.all([
        Summary.aggregate<Counted<{ township: string; status: RegistrationStatus }>>([
          { $match: inArea },
          { $group: { _id: { township: '$townshipCode', status: '$status' }, count: { $sum: 1 } } },
        ]),
        Summary.aggregate<Counted<string>>([{ $match: active }, { $group: { _id: '$wishes.willingness', count: { $sum: 1 } } }]),
        Summary.aggregate<Counted<string | null>>([{ $match: active }, { $group: { _id: '$wishes.resettlementType', count: { $sum: 1 } } }]),
        deps.divisions.tree(),
        deps.sites.all(),
        deps.employment.dashboard(actor),
      ]);

      const dashboard: RegistrationDashboard = {
        total: 0,
        byStatus: zeros(REGISTRATION_STATUSES),
        // Every township of the area, also those without registrations yet.
        byTownship: county.children
          .filter((township) => overlapsScope(actor, township.code))
          .map((township) => ({ code: township.code, name: township.name, total: 0, approved: 0 })),
        byWillingness: zeros(WILLINGNESS),
        byResettlementType: zeros(RESETTLEMENT_TYPES),
        sites: sites.items.map((site) => ({ id: site.id, name: site.name, capacity: site.capacity, assigned: site.assigned })),
        employment,
      };
      for (const { _id, count } of byTownshipAndStatus) {
        dashboard.total += count;
        dashboard.byStatus[_id.status] += count;
        const township = dashboard.byTownship.find((entry) => entry.code === _id.township);
        if (!township) continue;
        township.total += count;
        if (_id.status === 'approved') township.approved += count;
      }
      for (const { _id, count } of byWillingness) if (_id && _id in dashboard.byWillingness) dashboard.byWillingness[_id as keyof typeof dashboard.byWillingness] = count;
      for (const { _id, count } of byResettlementType) {
        if (_id && _id in dashboard.byResettlementType) dashboard.byResettlementType[_id as keyof typeof dashboard.byResettlementType] = count;
      }
      return dashboard;
    },
  };
}
