import ExcelJS from 'exceljs';
import {
  chinaDate,
  EMPLOYMENT_SOURCE_LABELS,
  EMPLOYMENT_STATUS_LABELS,
  EMPLOYMENT_STATUSES,
  type EmploymentFilter,
  type EmploymentImportReport,
  type EmploymentImportRow,
  type EmploymentStatus,
  ID_NUMBER_MESSAGES,
  idNumberProblem,
  maskIdNumber,
  RELATION_LABELS,
  type Relation,
} from '@anqian/shared';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';
import { divisionFilter } from '../../security/scope';
import type { StaffActor } from '../../security/staff-actor';
import type { ReceivedFile, ReceiveOptions } from '../../uploads/received-file';
import { incomingDir } from '../../uploads/file-store';
import type { RegistrationsService } from '../registrations/registrations.service';
import type { StaffService } from '../staff/staff.service';
import type { EmploymentService, StatusChange } from './employment.service';

const SHEET = '就业台账';
const MAX_BYTES = 5 * 1024 * 1024;
/** One township's working-age people fit in a file. */
const MAX_ROWS = 5_000;
const ZIP_SIGNATURE = Buffer.from('PK\x03\x04', 'latin1');

const COLUMNS = [
  { header: '乡镇', width: 14 },
  { header: '村（社区）', width: 14 },
  { header: '户主', width: 10 },
  { header: '姓名', width: 10 },
  { header: '与户主关系', width: 10 },
  { header: '身份证号', width: 22 },
  { header: '年龄', width: 6 },
  { header: '就业状态', width: 14 },
  { header: '状态日期', width: 12 },
  { header: '来源', width: 12 },
  { header: '登记人', width: 10 },
  { header: '备注', width: 30 },
  { header: '零就业家庭', width: 10 },
] as const;

const ID_HEADER = '身份证号';
const NAME_HEADER = '姓名';
const STATUS_HEADER = '就业状态';
const DATE_HEADER = '状态日期';
const NOTE_HEADER = '备注';

const relationLabel = (relation: Relation | 'head') => (relation === 'head' ? '户主' : RELATION_LABELS[relation]);
const invalidFile = (message?: string) => new AppError('LEDGER_FILE_INVALID', message);

type Cell = ExcelJS.CellValue;

function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
  if ('result' in value) return cellText(value.result as Cell);
  if ('text' in value) return String(value.text).trim();
  return '';
}

const statusByText = new Map<string, EmploymentStatus>(EMPLOYMENT_STATUSES.flatMap((status) => [[EMPLOYMENT_STATUS_LABELS[status], status] as const, [status, status] as const]));
// Staff type brackets either way: 务工(县外) as well as 务工（县外）.
const normalised = (text: string) => text.replace(/\(/g, '（').replace(/\)/g, '）').replace(/\s+/g, '');

function dateText(value: Cell): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(cellText(value));
  if (!match) return null;
  const text = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  return new Date(`${text}T00:00:00Z`).toISOString().startsWith(text) ? text : null;
}

/**
 * The ledger as an .xlsx file (one row per working-age member, the columns the import reads among
 * them, so a township fills in an export with full ID numbers and imports it back), and the
 * import with a report naming each row's problem.
 */
export function createEmploymentSheets(deps: {
  employment: EmploymentService;
  registrations: Pick<RegistrationsService, 'approvedHouseholds' | 'personKeyOf'>;
  staff: Pick<StaffService, 'canExportPersonalData'>;
  clock: Clock;
  uploadDir: string;
}) {
  const { employment, clock } = deps;

  return {
    receiveOptions: {
      field: 'file',
      maxBytes: MAX_BYTES,
      tempDir: incomingDir(deps.uploadDir),
      tooLargeMessage: '文件不能超过 5 MB，请按乡镇分成几个文件导入',
      missingMessage: '请选择要导入的 Excel 文件（.xlsx）',
    } satisfies ReceiveOptions,

    async export(actor: StaffActor, filter: EmploymentFilter, full: boolean): Promise<{ filename: string; content: Buffer; rows: number }> {
      if (full && !(await deps.staff.canExportPersonalData(actor.id))) throw new AppError('FORBIDDEN', '导出完整身份证号需要导出权限，请联系县级管理员');
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet(SHEET);
      sheet.columns = COLUMNS.map((column) => ({ header: column.header, width: column.width }));
      sheet.getRow(1).font = { bold: true };
      sheet.getColumn(6).numFmt = '@';
      let rows = 0;
      for await (const batch of employment.householdBatches(actor, filter)) {
        // Full numbers are not kept in the ledger; they come from the household files on request.
        const idNumbers = full
          ? new Map((await deps.registrations.approvedHouseholds(batch.map((household) => household.id))).flatMap((household) => household.people.map((person) => [person.key, person.idNumber] as const)))
          : null;
        for (const household of batch) {
          for (const member of household.members) {
            if (!member.workingAge) continue;
            rows += 1;
            sheet.addRow([
              household.townshipName,
              household.villageName,
              household.headName,
              member.name,
              relationLabel(member.relation),
              idNumbers?.get(member.key) ?? member.idNumberMasked,
              member.age,
              member.status ? EMPLOYMENT_STATUS_LABELS[member.status] : '',
              member.statusDate ?? '',
              member.source ? EMPLOYMENT_SOURCE_LABELS[member.source] : '',
              member.enteredBy ?? '',
              member.history.at(-1)?.note ?? '',
              household.zeroEmployment ? '是' : '',
            ]);
          }
        }
      }
      return { filename: `就业台账-${chinaDate(clock.now())}.xlsx`, content: Buffer.from(await workbook.xlsx.writeBuffer()), rows };
    },

    /**
     * Each row names a member by ID number; it applies only if every cell of it is right and the
     * member is in the caller's area. All rows of one household go in one update, so a row is
     * either wholly applied or not at all.
     */
    async import(actor: StaffActor, file: ReceivedFile): Promise<EmploymentImportReport> {
      try {
        if (!file.head.subarray(0, 4).equals(ZIP_SIGNATURE)) throw invalidFile();
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(file.tempPath).catch(() => Promise.reject(invalidFile()));
        const sheet = workbook.worksheets.find((candidate) => candidate.name === SHEET) ?? workbook.worksheets[0];
        if (!sheet) throw invalidFile();
        return await importSheet(actor, sheet);
      } finally {
        await file.discard();
      }
    },
  };

  async function importSheet(actor: StaffActor, sheet: ExcelJS.Worksheet): Promise<EmploymentImportReport> {
    let headers: Map<string, number> | null = null;
    type Parsed = { report: EmploymentImportRow; key: string | null; change: Omit<StatusChange, 'memberKey'> | null; name: string };
    const parsed: Parsed[] = [];
    const today = clock.today();
    const by = { id: actor.id, name: actor.displayName };
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      // Empty cells are holes in `row.values`.
      const values = Array.from((row.values as Cell[]) ?? [], (value) => value ?? null);
      if (!headers) {
        const texts = values.map(cellText);
        if (texts.includes(ID_HEADER) && texts.includes(STATUS_HEADER)) headers = new Map(texts.map((text, index) => [text, index]));
        return;
      }
      const cell = (header: string) => (headers!.has(header) ? values[headers!.get(header)!] : null);
      if ([ID_HEADER, STATUS_HEADER, DATE_HEADER, NOTE_HEADER].every((header) => cellText(cell(header)) === '')) return;
      if (parsed.length === MAX_ROWS) throw invalidFile(`一次最多导入 ${MAX_ROWS} 行，请按乡镇分成几个文件导入`);
      const problems: EmploymentImportRow['problems'] = [];
      const idNumber = cellText(cell(ID_HEADER)).toUpperCase();
      if (typeof cell(ID_HEADER) === 'number') problems.push({ column: ID_HEADER, message: '身份证号被 Excel 存成了数字，后几位可能已经改变，请把这一列设为文本后重新填写' });
      else if (!idNumber) problems.push({ column: ID_HEADER, message: '请填写身份证号' });
      else if (idNumber.includes('*')) problems.push({ column: ID_HEADER, message: '身份证号是打码的，请填写完整的 18 位号码' });
      else {
        const problem = idNumberProblem(idNumber);
        if (problem) problems.push({ column: ID_HEADER, message: ID_NUMBER_MESSAGES[problem] });
      }
      const statusText = normalised(cellText(cell(STATUS_HEADER)));
      const status = statusByText.get(statusText);
      if (!statusText) problems.push({ column: STATUS_HEADER, message: '请填写就业状态' });
      else if (!status) problems.push({ column: STATUS_HEADER, message: `“${statusText}”不是可选的值（${Object.values(EMPLOYMENT_STATUS_LABELS).join('、')}）` });
      let date = today;
      if (cellText(cell(DATE_HEADER))) {
        const read = dateText(cell(DATE_HEADER));
        if (!read) problems.push({ column: DATE_HEADER, message: '日期格式应为 YYYY-MM-DD，如 2026-03-01' });
        else if (read > today) problems.push({ column: DATE_HEADER, message: '日期不能晚于今天' });
        else date = read;
      }
      const note = cellText(cell(NOTE_HEADER));
      if (note.length > 100) problems.push({ column: NOTE_HEADER, message: '备注最多 100 个字' });
      const valid = problems.length === 0;
      parsed.push({
        report: { row: number, idNumberMasked: idNumber.length === 18 ? maskIdNumber(idNumber) : idNumber, name: cellText(cell(NAME_HEADER)), result: 'failed', problems },
        key: valid ? deps.registrations.personKeyOf(idNumber) : null,
        change: valid ? { status: status!, date, note, source: 'import', by } : null,
        name: cellText(cell(NAME_HEADER)),
      });
    });
    if (!headers) throw invalidFile(`没有找到表头（应包含“${ID_HEADER}”“${STATUS_HEADER}”两列），请使用导出的就业台账`);

    const seen = new Map<string, number>();
    for (const row of parsed) {
      if (!row.key) continue;
      const first = seen.get(row.key);
      if (first !== undefined) {
        row.report.problems.push({ column: ID_HEADER, message: `与第 ${first} 行是同一人，每人只填一行` });
        row.key = null;
      } else seen.set(row.key, row.report.row);
    }

    const households = await employment.inAreaByKeys(actor, [...seen.keys()]);
    const householdOf = new Map(households.flatMap((household) => household.members.map((member) => [member.key, household] as const)));
    const groups = new Map<string, Parsed[]>();
    for (const row of parsed) {
      if (!row.key) continue;
      const household = householdOf.get(row.key);
      const member = household?.members.find((candidate) => candidate.key === row.key);
      if (!household || !member) row.report.problems.push({ column: ID_HEADER, message: '您辖区的就业台账中没有这个身份证号（只有审批通过的搬迁户才在台账中）' });
      else if (row.name && row.name !== member.name) row.report.problems.push({ column: NAME_HEADER, message: `姓名与台账不一致（台账中为“${member.name}”）` });
      else if (!member.workingAge) row.report.problems.push({ column: ID_HEADER, message: '这位成员不在劳动年龄（16–60 岁），不记就业状态' });
      else groups.set(household._id.toString(), [...(groups.get(household._id.toString()) ?? []), row]);
    }

    for (const [id, rows] of groups) {
      try {
        const updated = await employment.changeHousehold({ _id: id, ...divisionFilter(actor) }, rows.map((row) => ({ memberKey: row.key!, ...row.change! })));
        for (const row of rows) {
          if (updated) row.report.result = 'applied';
          else row.report.problems.push({ column: ID_HEADER, message: '这一户已不在台账中' });
        }
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        for (const row of rows) row.report.problems.push({ column: ID_HEADER, message: error.message });
      }
    }
    const rows = parsed.map((row) => row.report);
    const applied = rows.filter((row) => row.result === 'applied').length;
    return { total: rows.length, applied, failed: rows.length - applied, rows };
  }
}

export type EmploymentSheets = ReturnType<typeof createEmploymentSheets>;
