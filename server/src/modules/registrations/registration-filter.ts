import { addDays, type ListRegistrationsQuery, type RegistrationFilter, startOfChinaDay } from '@anqian/shared';
import type { StaffActor } from '../../security/staff-actor';
import { escapeRegex } from '../../db/escape-regex';
import { assertInScope, divisionFilter, withinDivision } from '../../security/scope';

/** The last four characters of an ID number, as typed into the search box. */
const ID_TAIL = /^\d{3}[\dX]$/i;

/** What the 可审批 filter needs to know: China's date on the server's clock and the county's shortest notice. */
export type NoticeRule = { today: string; minDays: number };

/**
 * The query behind the staff list, its status counts and the ledger export: always inside the
 * caller's area; `status` left out when `withStatus` is false (the counts ignore it).
 *
 * `approvable` reads `noticeDays`, which only summaries hold: `approvalBlocker`'s rule as a query
 * (on notice, the notice over, on it for the whole minimum period, no open objection).
 */
export function registrationFilter(
  actor: StaffActor,
  filter: RegistrationFilter,
  options: { rule: NoticeRule; withStatus?: boolean },
): Record<string, unknown> {
  const { rule, withStatus = true } = options;
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
  if (filter.approvable) {
    // Under $and so that a status filter asking for anything else finds nothing.
    query.$and = [{ status: 'publicizing' }];
    Object.assign(query, { noticeEndDate: { $lt: rule.today }, noticeDays: { $gte: rule.minDays }, openObjections: 0 });
  }
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
