import { Types } from 'mongoose';
import {
  HAZARD_TYPES,
  listRegistrationsQuerySchema,
  REGISTRATION_SORTS,
  REGISTRATION_STATUSES,
  RESETTLEMENT_TYPES,
  WILLINGNESS,
  type ListRegistrationsQuery,
} from '@anqian/shared';
import type { StaffActor } from '../../security/staff-actor';
import { villageOf } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { registrationFilter, registrationSort } from './registration-filter';
import { registrationSummaryModel, SUMMARY_VERSION, type RegistrationSummaryRecord } from './registration-summary.model';
import { createSummaryTable, type SummaryFilter, type SummaryQuery } from './summary-table';

/**
 * The staff list reads summaries from memory; it must answer exactly as the database answers the
 * same filter, sort and page (MongoDB in production, the patched FerretDB here).
 */
let t: TestApp;
let rows: RegistrationSummaryRecord[];
const rule = { today: '2026-06-15', minDays: 7 };

// Names that order differently as UTF-16 and as UTF-8 bytes (an astral character, a private-use one), and shared prefixes.
const NAMES = ['李建国', '李建', '王秀英', '张志强', '𠀋小红', '\uE000明', '刘德明', 'Li Ming', '李', '赵兰芳'];
const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + (i % 37) * 86_400_000 + (i % 3) * 3_600_000);

function summary(i: number): RegistrationSummaryRecord {
  const township = i % 3 === 0 ? 1 : 0;
  const divisionCode = villageOf(t.county, township, i % 2);
  const status = REGISTRATION_STATUSES[i % REGISTRATION_STATUSES.length];
  const onNotice = status === 'publicizing';
  return {
    _id: new Types.ObjectId(),
    householdKey: `household-${i % 90}`,
    residentId: i % 4 === 0 ? null : new Types.ObjectId(),
    enteredByStaffId: null,
    source: i % 5 === 0 ? 'import' : 'resident',
    divisionCode,
    townshipCode: t.county.children[township].code,
    status,
    household: { head: { name: NAMES[i % NAMES.length], idNumberMasked: '5323**********1234', idLast4: i % 7 === 0 ? '123X' : String(1000 + (i % 50)) }, hazard: { type: HAZARD_TYPES[i % HAZARD_TYPES.length] } },
    memberCount: 1 + (i % 6),
    wishes: { willingness: WILLINGNESS[i % WILLINGNESS.length], ...(i % 6 !== 0 && { resettlementType: RESETTLEMENT_TYPES[i % RESETTLEMENT_TYPES.length] }) },
    householdClash: i % 11 === 0,
    noticeEndDate: onNotice ? `2026-06-${String(10 + (i % 9)).padStart(2, '0')}` : null,
    noticeDays: onNotice ? 3 + (i % 8) : null,
    openObjections: onNotice && i % 4 === 0 ? 1 : 0,
    submittedAt: at(i),
    updatedAt: at(i * 7),
    v: SUMMARY_VERSION,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  rows = Array.from({ length: 320 }, (_, i) => summary(i));
  await registrationSummaryModel(t.connection).insertMany(rows);
});
afterAll(() => t.close());

const county = (): StaffActor => ({ id: 'c', username: 'county', displayName: '县级', role: 'county_admin', divisionCode: t.county.code });
const township = (): StaffActor => ({ id: 't', username: 'township', displayName: '乡镇', role: 'township_staff', divisionCode: t.county.children[0].code });
const cadre = (): StaffActor => ({ id: 'v', username: 'cadre', displayName: '村干部', role: 'village_cadre', divisionCode: villageOf(t.county, 0, 1) });

function listQueries(): { actor: StaffActor; query: ListRegistrationsQuery }[] {
  const filters: Record<string, string>[] = [
    {},
    ...REGISTRATION_STATUSES.map((status) => ({ status })),
    ...WILLINGNESS.map((willingness) => ({ willingness })),
    ...RESETTLEMENT_TYPES.map((resettlementType) => ({ resettlementType })),
    { hazardType: HAZARD_TYPES[1], willingness: WILLINGNESS[0] },
    { householdClash: 'true' },
    { approvable: 'true' },
    { approvable: 'true', status: 'approved' },
    { submittedFrom: '2026-01-10', submittedTo: '2026-01-20' },
    { q: '李' },
    { q: '𠀋' },
    { q: '123X' },
    { q: '1012' },
    { q: 'li' },
    { divisionCode: t.county.children[1].code, status: 'submitted' },
  ];
  const pages = [
    { page: '1', pageSize: '20' },
    { page: '3', pageSize: '7' },
  ];
  const queries: { actor: StaffActor; query: ListRegistrationsQuery }[] = [];
  filters.forEach((filter, i) => {
    for (const actor of [county(), township(), cadre()]) {
      if (filter.divisionCode && actor.role !== 'county_admin') continue;
      const sort = REGISTRATION_SORTS[(i + queries.length) % REGISTRATION_SORTS.length];
      const page = pages[queries.length % pages.length];
      queries.push({ actor, query: listRegistrationsQuerySchema.parse({ ...filter, ...page, sort }) });
    }
  });
  for (const sort of REGISTRATION_SORTS) {
    queries.push({ actor: county(), query: listRegistrationsQuerySchema.parse({ sort, page: '2', pageSize: '50' }) });
  }
  return queries;
}

function fromDatabase(filter: SummaryFilter, { sort, skip = 0, limit = 0 }: SummaryQuery) {
  const query = registrationSummaryModel(t.connection).find(filter).skip(skip).limit(limit);
  return (sort ? query.sort(sort) : query).lean<RegistrationSummaryRecord[]>();
}

const idsOf = (found: RegistrationSummaryRecord[]) => found.map((row) => row._id.toHexString());

describe('the summaries in memory answer as the database does', () => {
  it('every staff list query: the page, in order, and the counts by status', async () => {
    const table = createSummaryTable(rows);
    const queries = listQueries();
    expect(queries.length).toBeGreaterThan(60);
    let nonEmptyPages = 0;
    for (const { actor, query } of queries) {
      const filter = registrationFilter(actor, query, { rule });
      const page = { sort: registrationSort(query.sort), skip: (query.page - 1) * query.pageSize, limit: query.pageSize };
      const expected = idsOf(await fromDatabase(filter, page));
      expect({ query, actor: actor.role, ids: idsOf(table.find(filter, page)) }).toEqual({ query, actor: actor.role, ids: expected });
      if (expected.length) nonEmptyPages += 1;

      const withoutStatus = registrationFilter(actor, query, { rule, withStatus: false });
      const groups = await registrationSummaryModel(t.connection).aggregate<{ _id: string; count: number }>([{ $match: withoutStatus }, { $group: { _id: '$status', count: { $sum: 1 } } }]);
      expect({ query, counts: Object.fromEntries(table.countBy(withoutStatus, 'status')) }).toEqual({ query, counts: Object.fromEntries(groups.map((group) => [group._id, group.count])) });
    }
    expect(nonEmptyPages).toBeGreaterThan(queries.length / 2);
  });

  it('a household, a resident and a set of ids, with and without a sort', async () => {
    const table = createSummaryTable(rows);
    const resident = rows.find((row) => row.residentId)!.residentId!;
    const filters: SummaryFilter[] = [
      { householdKey: 'household-7' },
      { householdKey: 'household-404' },
      { residentId: resident },
      { residentId: resident.toHexString(), status: { $in: ['verified', 'publicizing', 'approved'] } },
      { _id: { $in: rows.slice(10, 30).map((row) => row._id) } },
      { status: 'approved' },
    ];
    for (const filter of filters) {
      const sorted = { sort: { submittedAt: -1 as const, _id: -1 as const } };
      expect(idsOf(table.find(filter, sorted))).toEqual(idsOf(await fromDatabase(filter, sorted)));
      expect(idsOf(table.find(filter)).sort()).toEqual(idsOf(await fromDatabase(filter, {})).sort());
    }
  });

  it('keeps the newer of two summaries of one registration, whichever comes second', () => {
    const [first] = rows;
    const newer = { ...first, status: 'accepted' as const, updatedAt: new Date(first.updatedAt.getTime() + 1000) };
    const table = createSummaryTable([newer, first]);
    expect(table.find({ _id: first._id }).map((row) => row.status)).toEqual(['accepted']);
    table.put(first);
    expect(table.countBy({ householdKey: first.householdKey }, 'status').get('accepted')).toBe(1);
  });
});
