import { addDays, type ListRegistrationsQuery, type RegistrationFilter, startOfChinaDay } from '@anqian/shared';
import type { StaffActor } from '../../security/staff-actor';
import { escapeRegex } from '../../db/escape-regex';
import { assertInScope, divisionFilter, withinDivision } from '../../security/scope';

/** The last four characters of an ID number, as typed into the search box. */
const ID_TAIL = /^\d{3}[\dX]$/i;

/**
 * The query behind the staff list, its status counts and the ledger export: always inside the
 * caller's area; `status` left out when `withStatus` is false (the counts ignore it).
 */
export function registrationFilter(actor: StaffActor, filter: RegistrationFilter, withStatus = true): Record<string, unknown> {
  const query: Record<string, unknown> = divisionFilter(actor);
  if (filter.divisionCode) {
    assertInScope(actor, filter.divisionCode);
    query.divisionCode = withinDivision(filter.divisionCode);
  }
  if (withStatus && filter.status) query.status = filter.status;
  if (filter.willingness) query['wishes.willingness'] = filter.willingness;
  if (filter.resettlementType) query['wishes.resettlementType'] = filter.resettlementType;
  if (filter.hazardType) query['household.hazard.type'] = filter.hazardType;
  if (filter.householdClash) query.householdClash = true;
  if (filter.submittedFrom || filter.submittedTo) {
    query.submittedAt = {
      ...(filter.submittedFrom && { $gte: startOfChinaDay(filter.submittedFrom) }),
      ...(filter.submittedTo && { $lt: startOfChinaDay(addDays(filter.submittedTo, 1)) }),
    };
  }
  if (filter.q) {
    const byName = { 'household.head.name': { $regex: escapeRegex(filter.q) } };
    query.$or = ID_TAIL.test(filter.q) ? [byName, { 'household.head.idLast4': filter.q.toUpperCase() }] : [byName];
  }
  return query;
}

const SORT_FIELDS: Record<string, string> = {
  submittedAt: 'submittedAt',
  updatedAt: 'updatedAt',
  headName: 'household.head.name',
  memberCount: 'memberCount',
};

export function registrationSort(sort: ListRegistrationsQuery['sort']): Record<string, 1 | -1> {
  const descending = sort.startsWith('-');
  const direction = descending ? -1 : 1;
  return { [SORT_FIELDS[descending ? sort.slice(1) : sort]]: direction, _id: direction };
}
