import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Connection } from 'mongoose';
import {
  chinaDate,
  HAZARD_TYPE_LABELS,
  HOUSE_STRUCTURE_LABELS,
  REGISTRATION_STATUS_LABELS,
  type RegistrationFilter,
  RELATION_LABELS,
  RESETTLEMENT_TYPE_LABELS,
  SPECIAL_STATUS_LABELS,
  type SpecialStatus,
  WILLINGNESS_LABELS,
  WORK_ABILITY_LABELS,
} from '@anqian/shared';
import type { Clock } from '../../clock';
import type { ErrorLog } from '../../error-log';
import type { StaffActor } from '../../security/staff-actor';
import { AppError } from '../../errors';
import type { FieldCrypto } from '../../security/field-crypto';
import type { AuditService } from '../audit/audit.service';
import type { DivisionsService } from '../divisions/divisions.service';
import type { SitesService } from '../sites/sites.service';
import type { StaffService } from '../staff/staff.service';
import { EXPORT_COLUMNS, LEDGER_SHEET, MEMBER_COLUMNS, MEMBERS_SHEET, SOURCE_LABELS, type ExportColumnKey, type MemberColumnKey } from './ledger-columns';
import { registrationFilter } from '../registrations/registration-filter';
import { registrationModel, type RegistrationRecord } from '../registrations/registration.model';
import { registrationSummaryModel } from '../registrations/registration-summary.model';

/** Rows fetched per round trip; also how often the writer checks that the client keeps up. */
const BATCH_SIZE = 500;

export type LedgerExportDeps = {
  connection: Connection;
  crypto: FieldCrypto;
  divisions: Pick<DivisionsService, 'nameOf'>;
  sites: Pick<SitesService, 'all'>;
  staff: Pick<StaffService, 'canExportPersonalData'>;
  audit: Pick<AuditService, 'record'>;
  /** The 可审批 filter depends on the server's date and the county's shortest notice. */
  clock: Clock;
  noticeMinDays: number;
};

export type LedgerExportRequest = {
  actor: StaffActor;
  filter: RegistrationFilter;
  full: boolean;
  ip: string;
  /** Told when the audit record of a finished stream cannot be written (the response is gone by then). */
  log: ErrorLog;
};

type Person = RegistrationRecord['household']['head'] | RegistrationRecord['household']['members'][number];

const countWith = (people: Person[], status: SpecialStatus) => people.filter((person) => person.specialStatus.includes(status)).length;

const yuan = (fen: number) => fen / 100;

/** The day of the registration's latest approval, China time. */
const approvedOn = (record: RegistrationRecord) => {
  const approval = record.timeline.filter((entry) => entry.action === 'approve').at(-1);
  return approval ? chinaDate(approval.at) : '';
};

/** Resolves once the client has taken what is buffered, or has gone away. */
const drained = (stream: PassThrough) =>
  new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.once('drain', done);
    stream.once('close', done);
  });

/** Only the filters actually used, for the audit record. */
const usedFilters = (filter: RegistrationFilter) => Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== ''));

/**
 * The ledger (台账) as an .xlsx stream: one row per household in the caller's area under the
 * list's filters, then a second sheet with one row per person. Rows are read with a cursor and
 * written with the streaming workbook writer, each sheet in its own pass (the writer holds a later
 * sheet in memory until the earlier one is done), so memory stays flat however many households
 * there are. ID numbers and phones are masked unless
 * the caller asks for them in full and holds the export permission; either way the export is
 * audited when the file is complete, with the number of rows.
 */
export function createLedgerExporter(deps: LedgerExportDeps) {
  const Registration = registrationModel(deps.connection);
  const Summary = registrationSummaryModel(deps.connection);
  const { crypto } = deps;

  const audit = (request: LedgerExportRequest, result: 'success' | 'failure', detail: object | string) =>
    deps.audit.record({
      actor: { id: request.actor.id, name: request.actor.displayName, role: request.actor.role, divisionCode: request.actor.divisionCode },
      ip: request.ip,
      action: 'registration.export',
      targetType: 'registration',
      targetId: null,
      result,
      detail: typeof detail === 'string' ? detail : JSON.stringify(detail),
    });

  const idOf = (person: Person, full: boolean) => (full ? crypto.decrypt(person.idNumber.enc) : person.idNumberMasked);

  function rowFor(record: RegistrationRecord, serial: number, names: Map<string, string>, siteNames: Map<string, string>, full: boolean) {
    const { household, wishes, subsidy } = record;
    const people: Person[] = [household.head, ...household.members];
    const siteName = (id: unknown) => (id ? (siteNames.get(String(id)) ?? '') : '');
    const row: Record<ExportColumnKey, string | number> = {
      serial,
      township: names.get(record.townshipCode) ?? record.townshipCode,
      village: names.get(record.divisionCode) ?? record.divisionCode,
      headName: household.head.name,
      headIdNumber: idOf(household.head, full),
      phone: full ? crypto.decrypt(household.head.phone.enc) : household.head.phoneMasked,
      memberCount: record.memberCount,
      members: household.members.map((member) => `${member.name}/${RELATION_LABELS[member.relation]}/${idOf(member, full)}`).join('；'),
      labourCount: people.filter((person) => person.workAbility !== 'none').length,
      dibaoCount: countWith(people, 'dibao'),
      tekunCount: countWith(people, 'tekun'),
      disabledCount: countWith(people, 'disabled'),
      address: household.address,
      hazardType: HAZARD_TYPE_LABELS[household.hazard.type],
      hazardPoint: household.hazard.pointNumber ?? '',
      houseStructure: HOUSE_STRUCTURE_LABELS[household.house.structure],
      floorArea: household.house.floorArea,
      yearBuilt: household.house.yearBuilt,
      willingness: WILLINGNESS_LABELS[wishes.willingness],
      resettlementType: wishes.resettlementType ? RESETTLEMENT_TYPE_LABELS[wishes.resettlementType] : '',
      preferredSite: siteName(wishes.preferredSiteId),
      preferredMoveMonth: wishes.preferredMoveMonth ?? '',
      status: REGISTRATION_STATUS_LABELS[record.status],
      submittedDate: chinaDate(record.submittedAt),
      noticeStart: record.noticeStartDate ?? '',
      noticeEnd: record.noticeEndDate ?? '',
      approvedDate: record.status === 'approved' ? approvedOn(record) : '',
      assignedSite: siteName(record.assignedSiteId),
      // Only approval fixes the amounts; an estimate is no figure to account for.
      subsidyTotal: subsidy ? yuan(subsidy.totalFen) : '',
      subsidyLines: subsidy ? subsidy.lineItems.map((line) => `${line.name} ${yuan(line.subtotalFen)}`).join('；') : '',
      subsidyRuleSet: subsidy?.ruleSetName ?? '',
      source: SOURCE_LABELS[record.source],
    };
    return row;
  }

  /** The head and each member, one row each. */
  function memberRowsFor(record: RegistrationRecord, serial: number, names: Map<string, string>, full: boolean) {
    const { head, members } = record.household;
    const people: [Person, string][] = [[head, '户主'], ...members.map((member): [Person, string] => [member, RELATION_LABELS[member.relation]])];
    return people.map(([person, relation], index): Record<MemberColumnKey, string | number> => ({
      serial: serial + index,
      township: names.get(record.townshipCode) ?? record.townshipCode,
      village: names.get(record.divisionCode) ?? record.divisionCode,
      headName: head.name,
      headIdNumber: idOf(head, full),
      name: person.name,
      relation,
      idNumber: idOf(person, full),
      gender: person.gender === 'male' ? '男' : '女',
      birthDate: person.birthDate.toISOString().slice(0, 10),
      workAbility: WORK_ABILITY_LABELS[person.workAbility],
      specialStatus: person.specialStatus.map((status) => SPECIAL_STATUS_LABELS[status]).join('、'),
      status: REGISTRATION_STATUS_LABELS[record.status],
    }));
  }

  async function write(request: LedgerExportRequest, query: Record<string, unknown>, out: PassThrough): Promise<number> {
    const siteNames = new Map((await deps.sites.all()).items.map((site) => [site.id, site.name]));
    const names = new Map<string, string>();
    const nameOf = async (code: string) => {
      if (!names.has(code)) names.set(code, await deps.divisions.nameOf(code));
    };

    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
    const addSheet = (name: string, columns: readonly { key: string; header: string; width: number }[]) => {
      const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = columns.map(({ key, header, width }) => ({ key, header, width }));
      sheet.getRow(1).font = { bold: true };
      return sheet;
    };

    /** Walks the registrations in ledger order, calling `each` with the running household count. */
    async function walk(each: (record: RegistrationRecord, households: number) => number) {
      let households = 0;
      let rows = 0;
      // Village order groups the ledger by township and village; MongoDB walks the divisionCode index.
      const cursor = Registration.find(query).sort({ divisionCode: 1, _id: 1 }).batchSize(BATCH_SIZE).lean<RegistrationRecord[]>().cursor();
      try {
        for await (const record of cursor as AsyncIterable<RegistrationRecord>) {
          if (out.destroyed) throw new Error('the client closed the download');
          await Promise.all([nameOf(record.townshipCode), nameOf(record.divisionCode)]);
          households += 1;
          const before = rows;
          rows += each(record, households);
          if (Math.floor(rows / BATCH_SIZE) > Math.floor(before / BATCH_SIZE) && out.writableNeedDrain) await drained(out);
        }
      } finally {
        await cursor.close();
      }
      return households;
    }

    const ledger = addSheet(LEDGER_SHEET, EXPORT_COLUMNS);
    const households = await walk((record, serial) => {
      ledger.addRow(rowFor(record, serial, names, siteNames, request.full)).commit();
      return 1;
    });
    ledger.commit();

    const people = addSheet(MEMBERS_SHEET, MEMBER_COLUMNS);
    let serial = 0;
    await walk((record) => {
      const rows = memberRowsFor(record, serial + 1, names, request.full);
      for (const row of rows) people.addRow(row).commit();
      serial += rows.length;
      return rows.length;
    });
    people.commit();
    await workbook.commit();
    return households;
  }

  return {
    /**
     * Checks scope and permission before anything is sent (403 FORBIDDEN, OUT_OF_SCOPE), then
     * answers with the file name and a stream the rows are still being written into.
     */
    async exportLedger(request: LedgerExportRequest): Promise<{ filename: string; stream: Readable }> {
      const rule = { today: deps.clock.today(), minDays: deps.noticeMinDays };
      let query = registrationFilter(request.actor, request.filter, { rule });
      // 可审批 reads fields only summaries hold; the few households it finds are fetched by id.
      if (request.filter.approvable) query = { _id: { $in: await Summary.distinct('_id', query) } };
      if (request.full && !(await deps.staff.canExportPersonalData(request.actor.id))) {
        await audit(request, 'failure', 'FORBIDDEN');
        throw new AppError('FORBIDDEN', '导出完整身份证号和手机号需要“导出个人信息”权限，请联系县级管理员开通');
      }
      const out = new PassThrough();
      const filter = usedFilters(request.filter);
      write(request, query, out)
        .then(
          (rows) => audit(request, 'success', { rows, full: request.full, filter }),
          async (error: Error) => {
            out.destroy(error);
            await audit(request, 'failure', { error: error.message.slice(0, 200), full: request.full, filter });
          },
        )
        .catch((error: unknown) => request.log.error({ err: error }, 'ledger export audit record failed'));
      const suffix = request.full ? '（含完整身份信息）' : '';
      return { filename: `搬迁登记台账${suffix}-${chinaDate()}.xlsx`, stream: out };
    },
  };
}
