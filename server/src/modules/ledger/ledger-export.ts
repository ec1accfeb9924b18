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
  type SpecialStatus,
  WILLINGNESS_LABELS,
} from '@anqian/shared';
import type { ErrorLog } from '../../error-log';
import type { StaffActor } from '../../security/staff-actor';
import { AppError } from '../../errors';
import type { FieldCrypto } from '../../security/field-crypto';
import type { AuditService } from '../audit/audit.service';
import type { DivisionsService } from '../divisions/divisions.service';
import type { SitesService } from '../sites/sites.service';
import type { StaffService } from '../staff/staff.service';
import { EXPORT_COLUMNS, LEDGER_SHEET, SOURCE_LABELS, type ExportColumnKey } from './ledger-columns';
import { registrationFilter } from '../registrations/registration-filter';
import { registrationModel, type RegistrationRecord } from '../registrations/registration.model';

/** Rows fetched per round trip; also how often the writer checks that the client keeps up. */
const BATCH_SIZE = 500;

export type LedgerExportDeps = {
  connection: Connection;
  crypto: FieldCrypto;
  divisions: Pick<DivisionsService, 'nameOf'>;
  sites: Pick<SitesService, 'all'>;
  staff: Pick<StaffService, 'canExportPersonalData'>;
  audit: Pick<AuditService, 'record'>;
};

export type LedgerExportRequest = {
  actor: StaffActor;
  filter: RegistrationFilter;
  full: boolean;
  ip: string;
  /** Told when the audit record of a finished stream cannot be written (the response is gone by then). */
  log: ErrorLog;
};

type Person = { name: string; idNumber: { enc: string }; idNumberMasked: string; workAbility: string; specialStatus: string[] };

const countWith = (people: Person[], status: SpecialStatus) => people.filter((person) => person.specialStatus.includes(status)).length;

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
 * list's filters. Rows are read with a cursor and written with the streaming workbook writer, so
 * memory stays flat however many households there are. ID numbers and phones are masked unless
 * the caller asks for them in full and holds the export permission; either way the export is
 * audited when the file is complete, with the number of rows.
 */
export function createLedgerExporter(deps: LedgerExportDeps) {
  const Registration = registrationModel(deps.connection);
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

  function rowFor(record: RegistrationRecord, serial: number, names: Map<string, string>, siteNames: Map<string, string>, full: boolean) {
    const { household, wishes } = record;
    const people: Person[] = [household.head, ...household.members];
    const idOf = (person: Person) => (full ? crypto.decrypt(person.idNumber.enc) : person.idNumberMasked);
    const siteName = (id: unknown) => (id ? (siteNames.get(String(id)) ?? '') : '');
    const row: Record<ExportColumnKey, string | number> = {
      serial,
      township: names.get(record.townshipCode) ?? record.townshipCode,
      village: names.get(record.divisionCode) ?? record.divisionCode,
      headName: household.head.name,
      headIdNumber: idOf(household.head),
      phone: full ? crypto.decrypt(household.head.phone.enc) : household.head.phoneMasked,
      memberCount: record.memberCount,
      members: household.members.map((member) => `${member.name}/${RELATION_LABELS[member.relation]}/${idOf(member)}`).join('；'),
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
      assignedSite: siteName(record.assignedSiteId),
      source: SOURCE_LABELS[record.source],
    };
    return row;
  }

  async function write(request: LedgerExportRequest, query: Record<string, unknown>, out: PassThrough): Promise<number> {
    const siteNames = new Map((await deps.sites.all()).items.map((site) => [site.id, site.name]));
    const names = new Map<string, string>();
    const nameOf = async (code: string) => {
      if (!names.has(code)) names.set(code, await deps.divisions.nameOf(code));
    };

    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
    const sheet = workbook.addWorksheet(LEDGER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = EXPORT_COLUMNS.map(({ key, header, width }) => ({ key, header, width }));
    sheet.getRow(1).font = { bold: true };

    let rows = 0;
    // Village order groups the ledger by township and village; MongoDB walks the divisionCode index.
    const cursor = Registration.find(query).sort({ divisionCode: 1 }).batchSize(BATCH_SIZE).lean<RegistrationRecord[]>().cursor();
    try {
      for await (const record of cursor as AsyncIterable<RegistrationRecord>) {
        if (out.destroyed) throw new Error('the client closed the download');
        await Promise.all([nameOf(record.townshipCode), nameOf(record.divisionCode)]);
        rows += 1;
        sheet.addRow(rowFor(record, rows, names, siteNames, request.full)).commit();
        if (rows % BATCH_SIZE === 0 && out.writableNeedDrain) await drained(out);
      }
    } finally {
      await cursor.close();
    }
    sheet.commit();
    await workbook.commit();
    return rows;
  }

  return {
    /**
     * Checks scope and permission before anything is sent (403 FORBIDDEN, OUT_OF_SCOPE), then
     * answers with the file name and a stream the rows are still being written into.
     */
    async exportLedger(request: LedgerExportRequest): Promise<{ filename: string; stream: Readable }> {
      const query = registrationFilter(request.actor, request.filter);
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
