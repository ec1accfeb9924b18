import type { Connection } from 'mongoose';
import {
  birthDateTextOf,
  type EmploymentDashboard,
  type EmploymentFilter,
  type EmploymentHousehold,
  type EmploymentSource,
  type EmploymentStatus,
  isEmployed,
  isWorkingAgeOn,
  type ListEmploymentQuery,
  maskIdNumber,
  nextWorkingAgeChange,
  type Page,
  type SetMemberStatusBody,
  WORKING_AGE_MAX,
  WORKING_AGE_MIN,
  type ZeroEmploymentList,
} from '@anqian/shared';
import type { Clock } from '../../clock';
import { isDuplicateKey } from '../../db/duplicate-key';
import { escapeRegex } from '../../db/escape-regex';
import { AppError, notFound, validationFailed } from '../../errors';
import { divisionFilter, isInScope, overlapsScope, withinDivision } from '../../security/scope';
import type { StaffActor } from '../../security/staff-actor';
import type { DivisionsService } from '../divisions/divisions.service';
import type { ApprovedHousehold } from '../registrations/household-people';
import type { RegistrationsService } from '../registrations/registrations.service';
import { employmentLedgerModel, type LedgerMember, type LedgerRecord } from './employment.model';
import { presentHousehold } from './employment.presenter';

/** Who wrote a status: a staff member, or the bureau's hire. */
export type EmploymentWriter = { id: string; name: string };

/** One status to write on one member, as a staff edit, a hire or an import row gives it. */
export type StatusChange = { memberKey: string; status: EmploymentStatus; date: string; note: string; source: EmploymentSource; by: EmploymentWriter };

export type EmploymentDeps = {
  connection: Connection;
  divisions: Pick<DivisionsService, 'nameOf' | 'tree'>;
  registrations: Pick<RegistrationsService, 'approvedIds' | 'approvedHouseholds'>;
  clock: Clock;
};

/** Concurrent writers to one household retry on a fresh read this many times before giving up. */
const MAX_ATTEMPTS = 8;
/** Households read or added per round trip (backfill, export). */
const BATCH = 200;

type LedgerQuery = Pick<ListEmploymentQuery, 'page' | 'pageSize'> & Partial<EmploymentFilter>;

const householdNotFound = () => notFound('台账中没有这一户，或不在您的辖区');

/** Able to work: by the recorded status once there is one, else by the household file. */
const ableToWork = (member: Pick<LedgerMember, 'status' | 'workAbility'>) => (member.status ? member.status !== 'no_ability' : member.workAbility !== 'none');

/** The counts kept beside the members, on `today`. */
export function derivedFields(members: LedgerMember[], today: string) {
  let workingAgeCount = 0;
  let labourCount = 0;
  let employedCount = 0;
  let unrecordedCount = 0;
  let ageCheckDue: string | null = null;
  const workingStatuses = new Set<EmploymentStatus | 'unrecorded'>();
  const updated = members.map((member) => {
    const workingAge = isWorkingAgeOn(member.birthDate, today);
    if (workingAge) {
      workingStatuses.add(member.status ?? 'unrecorded');
      workingAgeCount += 1;
      if (ableToWork(member)) labourCount += 1;
      if (isEmployed(member.status)) employedCount += 1;
      if (!member.status) unrecordedCount += 1;
    }
    const change = nextWorkingAgeChange(member.birthDate, today);
    if (change && (!ageCheckDue || change < ageCheckDue)) ageCheckDue = change;
    return { ...member, workingAge };
  });
  return { members: updated, workingStatuses: [...workingStatuses], workingAgeCount, labourCount, employedCount, unrecordedCount, zeroEmployment: labourCount > 0 && employedCount === 0, ageCheckDue };
}

/**
 * The employment ledger of approved households. Each household is one document; every change
 * reads it, works out the new members and counts, and writes them back only if `version` is still
 * the one read (retrying on a fresh read), so concurrent edits, hires and imports never lose one another.
 */
export function createEmploymentService(deps: EmploymentDeps) {
  const Ledger = employmentLedgerModel(deps.connection);
  const { clock, divisions } = deps;

  async function names(records: Pick<LedgerRecord, 'divisionCode' | 'townshipCode'>[]): Promise<Map<string, string>> {
    const codes = [...new Set(records.flatMap((record) => [record.divisionCode, record.townshipCode]))];
    return new Map(await Promise.all(codes.map(async (code) => [code, await divisions.nameOf(code)] as const)));
  }

  async function present(records: LedgerRecord[]): Promise<EmploymentHousehold[]> {
    const found = await names(records);
    const today = clock.today();
    return records.map((record) => presentHousehold(record, found, today));
  }

  /** The caller's area narrowed to `divisionCode` when given; a division outside the area is refused. */
  function areaFilter(actor: StaffActor, divisionCode?: string): Record<string, unknown> {
    if (!divisionCode) return divisionFilter(actor);
    if (!overlapsScope(actor, divisionCode)) throw new AppError('OUT_OF_SCOPE', '只能查看本辖区的就业台账');
    return { divisionCode: withinDivision(isInScope(actor, divisionCode) ? divisionCode : actor.divisionCode) };
  }

  function ledgerFilter(actor: StaffActor, filter: Partial<EmploymentFilter>): Record<string, unknown> {
    const query: Record<string, unknown> = areaFilter(actor, filter.divisionCode);
    if (filter.zeroEmployment !== undefined) query.zeroEmployment = filter.zeroEmployment;
    if (filter.status) query.workingStatuses = filter.status;
    if (filter.q) {
      const pattern = { $regex: escapeRegex(filter.q) };
      query.$or = [{ headName: pattern }, { 'members.name': pattern }];
    }
    return query;
  }

  async function page(filter: Record<string, unknown>, query: { page: number; pageSize: number }): Promise<Page<EmploymentHousehold>> {
    const [records, total] = await Promise.all([
      Ledger.find(filter)
        .sort({ divisionCode: 1, _id: 1 })
        .skip((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .lean<LedgerRecord[]>(),
      Ledger.countDocuments(filter),
    ]);
    return { items: await present(records), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * Applies `changes` (none: only recount) to the household matching `filter`, in one update
   * guarded by its version. Null when no household matches.
   */
  async function changeHousehold(filter: Record<string, unknown>, changes: StatusChange[]): Promise<LedgerRecord | null> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const record = await Ledger.findOne(filter).lean<LedgerRecord>();
      if (!record) return null;
      const now = clock.now();
      const members = record.members.map((member) => {
        const mine = changes.filter((change) => change.memberKey === member.key);
        if (mine.length === 0) return member;
        const last = mine.at(-1)!;
        const events = mine.map((change) => ({ status: change.status, date: change.date, source: change.source, byId: change.by.id, by: change.by.name, note: change.note, at: now }));
        return { ...member, status: last.status, statusDate: last.date, source: last.source, enteredBy: last.by.name, history: [...member.history, ...events] };
      });
      const derived = derivedFields(members, clock.today());
      const updated = await Ledger.findOneAndUpdate({ _id: record._id, version: record.version }, { $set: derived, $inc: { version: 1 } }, { new: true }).lean<LedgerRecord>();
      if (updated) return updated;
    }
    throw new AppError('EMPLOYMENT_LEDGER_CHANGED');
  }

  /** A household's row, once; a second call (a retried approval, the backfill) finds it there. */
  async function addHousehold(household: ApprovedHousehold): Promise<boolean> {
    const today = clock.today();
    const members: LedgerMember[] = household.people.map((person) => ({
      key: person.key,
      name: person.name,
      relation: person.relation,
      idNumberMasked: maskIdNumber(person.idNumber),
      birthDate: birthDateTextOf(person.idNumber),
      workAbility: person.workAbility,
      workingAge: false,
      status: null,
      statusDate: null,
      source: null,
      enteredBy: null,
      history: [],
    }));
    try {
      await Ledger.create({
        _id: household.registrationId,
        householdKey: household.householdKey,
        divisionCode: household.divisionCode,
        townshipCode: household.townshipCode,
        headName: household.headName,
        ...derivedFields(members, today),
        version: 0,
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  return {
    addHousehold,
    changeHousehold,

    /** Approved registrations without a ledger row (stored before the ledger, or a missed hook): added in batches. */
    async backfill(): Promise<{ added: number }> {
      const approved = await deps.registrations.approvedIds();
      const present = new Set((await Ledger.find({}, { _id: 1 }).lean<{ _id: { toString(): string } }[]>()).map(({ _id }) => _id.toString()));
      const missing = approved.filter((id) => !present.has(id));
      let added = 0;
      for (let start = 0; start < missing.length; start += BATCH) {
        for (const household of await deps.registrations.approvedHouseholds(missing.slice(start, start + BATCH))) {
          if (await addHousehold(household)) added += 1;
        }
      }
      return { added };
    },

    /** Households where a member entered or left working age since the last count. */
    async recountAges(): Promise<{ recounted: number }> {
      const due = await Ledger.find({ ageCheckDue: { $ne: null, $lte: clock.today() } }, { _id: 1 }).lean<{ _id: LedgerRecord['_id'] }[]>();
      for (const { _id } of due) await changeHousehold({ _id }, []);
      return { recounted: due.length };
    },

    list: (actor: StaffActor, query: LedgerQuery) => page(ledgerFilter(actor, query), query),

    async get(actor: StaffActor, id: string): Promise<EmploymentHousehold> {
      const record = await Ledger.findOne({ _id: id, ...divisionFilter(actor) }).lean<LedgerRecord>();
      if (!record) throw householdNotFound();
      return (await present([record]))[0];
    },

    /** A staff member records one working-age member's status in their own area. */
    async setStatus(actor: StaffActor, id: string, memberKey: string, body: Required<SetMemberStatusBody>): Promise<{ before: EmploymentHousehold; after: EmploymentHousehold }> {
      if (body.date > clock.today()) throw validationFailed([{ field: 'body.date', message: '日期不能晚于今天' }]);
      const filter = { _id: id, ...divisionFilter(actor) };
      const current = await Ledger.findOne(filter).lean<LedgerRecord>();
      if (!current) throw householdNotFound();
      const member = current.members.find((candidate) => candidate.key === memberKey);
      if (!member) throw notFound('这一户没有这位成员');
      if (!member.workingAge) throw validationFailed([{ field: 'params.memberKey', message: `这位成员不在劳动年龄（${WORKING_AGE_MIN}–${WORKING_AGE_MAX} 岁），不记就业状态` }]);
      const after = await changeHousehold(filter, [{ memberKey, status: body.status, date: body.date, note: body.note, source: 'staff', by: { id: actor.id, name: actor.displayName } }]);
      if (!after) throw householdNotFound();
      const [presentedBefore, presentedAfter] = await present([current, after]);
      return { before: presentedBefore, after: presentedAfter };
    },

    /**
     * The bureau hired a resident who said which household member they are: that member is in
     * work from today, 本地就业 inside the county and 务工（县外） outside it. Nothing happens when
     * the member's household is not (yet) in the ledger.
     */
    async recordHire(hire: { memberKey: string; inCounty: boolean; postingTitle: string; employerName: string; by: EmploymentWriter }): Promise<boolean> {
      const status: EmploymentStatus = hire.inCounty ? 'local_job' : 'migrant_outside_county';
      const note = `录用：${hire.employerName}「${hire.postingTitle}」`;
      const updated = await changeHousehold({ 'members.key': hire.memberKey }, [{ memberKey: hire.memberKey, status, date: clock.today(), note, source: 'hire', by: hire.by }]);
      return Boolean(updated);
    },

    /** Zero-employment households of the area, counted by township and village, and a page of them. */
    async zeroEmployment(actor: StaffActor, query: LedgerQuery): Promise<ZeroEmploymentList> {
      const filter = ledgerFilter(actor, { ...query, zeroEmployment: true });
      const byVillage = await Ledger.aggregate<{ _id: { township: string; village: string }; count: number }>([
        { $match: filter },
        { $group: { _id: { township: '$townshipCode', village: '$divisionCode' }, count: { $sum: 1 } } },
      ]);
      const found = await names(byVillage.map(({ _id }) => ({ townshipCode: _id.township, divisionCode: _id.village })));
      const townships = new Map<string, ZeroEmploymentList['byTownship'][number]>();
      for (const { _id, count } of byVillage) {
        const township = townships.get(_id.township) ?? { code: _id.township, name: found.get(_id.township) ?? _id.township, households: 0, villages: [] };
        township.households += count;
        township.villages.push({ code: _id.village, name: found.get(_id.village) ?? _id.village, households: count });
        townships.set(_id.township, township);
      }
      const byTownship = [...townships.values()].sort((a, b) => a.code.localeCompare(b.code));
      for (const township of byTownship) township.villages.sort((a, b) => a.code.localeCompare(b.code));
      return { total: byTownship.reduce((sum, township) => sum + township.households, 0), byTownship, households: await page(filter, query) };
    },

    /** The dashboard's numbers for the caller's area: every township of it, also those without households yet. */
    async dashboard(actor: StaffActor): Promise<EmploymentDashboard> {
      type Group = { _id: { township: string; zero: boolean }; households: number; workingAge: number; labour: number; employed: number };
      const [groups, county] = await Promise.all([
        Ledger.aggregate<Group>([
          { $match: divisionFilter(actor) },
          {
            $group: {
              _id: { township: '$townshipCode', zero: '$zeroEmployment' },
              households: { $sum: 1 },
              workingAge: { $sum: '$workingAgeCount' },
              labour: { $sum: '$labourCount' },
              employed: { $sum: '$employedCount' },
            },
          },
        ]),
        divisions.tree(),
      ]);
      const rate = (employed: number, labour: number) => (labour > 0 ? employed / labour : null);
      const totals = (rows: Group[]) => {
        const sum = (count: (row: Group) => number) => rows.reduce((total, row) => total + count(row), 0);
        return {
          households: sum((row) => row.households),
          workingAge: sum((row) => row.workingAge),
          labour: sum((row) => row.labour),
          employed: sum((row) => row.employed),
          zeroEmploymentHouseholds: sum((row) => (row._id.zero ? row.households : 0)),
        };
      };
      const byTownship = county.children
        .filter((township) => overlapsScope(actor, township.code))
        .map((township) => {
          const { households, labour, employed, zeroEmploymentHouseholds } = totals(groups.filter((row) => row._id.township === township.code));
          return { code: township.code, name: township.name, households, labour, employed, rate: rate(employed, labour), zeroEmploymentHouseholds };
        });
      const all = totals(groups);
      return { ...all, rate: rate(all.employed, all.labour), byTownship };
    },

    /** Every household of the filter, for the export, in the list's order, a batch at a time. */
    async *householdBatches(actor: StaffActor, filter: Partial<EmploymentFilter>): AsyncGenerator<EmploymentHousehold[]> {
      const cursor = Ledger.find(ledgerFilter(actor, filter)).sort({ divisionCode: 1, _id: 1 }).lean<LedgerRecord>().cursor({ batchSize: BATCH });
      let batch: LedgerRecord[] = [];
      for await (const record of cursor) {
        batch.push(record as LedgerRecord);
        if (batch.length === BATCH) {
          yield await present(batch);
          batch = [];
        }
      }
      if (batch.length) yield await present(batch);
    },

    /** The households in the caller's area holding these member keys, for the import. */
    inAreaByKeys: (actor: StaffActor, keys: string[]) => Ledger.find({ ...divisionFilter(actor), 'members.key': { $in: keys } }).lean<LedgerRecord[]>(),
  };
}

export type EmploymentService = ReturnType<typeof createEmploymentService>;
