import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  SPECIAL_STATUS_LABELS,
  householdSchema,
  wishesSchema,
  withCheckDigit,
  type DivisionNode,
  type LedgerImportJob,
} from '@anqian/shared';
import type { Connection } from 'mongoose';
import type { ZodError } from 'zod';
import type { ErrorLog } from '../../error-log';
import type { StaffActor } from '../../security/staff-actor';
import { AppError } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import { incomingDir } from '../../uploads/file-store';
import type { ReceivedFile, ReceiveOptions } from '../../uploads/received-file';
import type { FieldCrypto } from '../../security/field-crypto';
import { isInScope } from '../../security/scope';
import type { DivisionsService } from '../divisions/divisions.service';
import type { SitesService } from '../sites/sites.service';
import {
  EXAMPLE_MARK,
  IMPORT_COLUMNS,
  IMPORT_SHEET,
  MAX_IMPORT_MEMBERS,
  NOTES_SHEET,
  SPECIAL_STATUS_SEPARATOR,
  choiceValue,
  columnLabel,
  type ImportColumn,
} from './ledger-columns';
import { createLedgerImportJobs, type RowOutcome } from './ledger-import-jobs';
import type { RegistrationsService } from '../registrations/registrations.service';

const MAX_LEDGER_BYTES = 10 * 1024 * 1024;
/** One township's households fit; a whole county goes in per-township files. */
const MAX_IMPORT_ROWS = 10_000;

const ZIP_SIGNATURE = Buffer.from('PK\x03\x04', 'latin1');
const REQUIRED_HEADERS = IMPORT_COLUMNS.filter((column) => column.required).map((column) => column.header);
const COLUMN_BY_HEADER = new Map(IMPORT_COLUMNS.map((column) => [column.header, column]));

type Cell = ExcelJS.CellValue;
type SheetRow = { number: number; cells: Map<string, Cell> };

const invalidFile = (message?: string) => new AppError('LEDGER_FILE_INVALID', message);

/** A cell as the text a person sees, whatever Excel stored (rich text, formula result, link). */
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

/** Reads the data sheet (the first one that is not the notes) into rows keyed by header. */
async function readSheet(file: string): Promise<SheetRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' });
  let headers: Map<number, string> | null = null;
  let found = false;
  const rows: SheetRow[] = [];
  for await (const worksheet of reader) {
    // The reader knows each sheet's name (missing from its type declarations).
    if (found || (worksheet as unknown as { name?: string }).name === NOTES_SHEET) {
      // Read it anyway: the reader deletes a sheet's temporary file after yielding it, and a sheet
      // left unread would open that file afterwards and throw ENOENT outside any request.
      for await (const _row of worksheet) continue;
      continue;
    }
    found = true;
    for await (const row of worksheet) {
      const values = (row.values as Cell[]) ?? [];
      if (!headers) {
        // Title rows above the header are allowed: the header is the first row naming the head.
        const texts = values.map(cellText);
        if (texts.includes('户主姓名') && texts.includes('户主身份证号')) {
          headers = new Map(texts.flatMap((text, index) => (COLUMN_BY_HEADER.has(text) ? [[index, text] as const] : [])));
        }
        continue;
      }
      const cells = new Map<string, Cell>();
      for (const [index, header] of headers) if (cellText(values[index]) !== '') cells.set(header, values[index]);
      if (cells.size === 0 || cellText(cells.get('序号') ?? null) === EXAMPLE_MARK) continue;
      if (rows.length === MAX_IMPORT_ROWS) throw invalidFile(`一次最多导入 ${MAX_IMPORT_ROWS} 户，请按乡镇分成几个文件导入`);
      rows.push({ number: row.number, cells });
    }
  }
  if (!headers) throw invalidFile('没有找到表头（第一行应包含“户主姓名”“户主身份证号”等列），请使用导入模板');
  const missing = REQUIRED_HEADERS.filter((header) => ![...headers!.values()].includes(header));
  if (missing.length) throw invalidFile(`台账缺少这些列：${missing.join('、')}，请使用导入模板`);
  return rows;
}

/** Builds `{ household, wishes }` input from one row, noting what cannot even be read. */
function rowInput(row: SheetRow, reasons: Map<string, string>) {
  const text = (header: string) => cellText(row.cells.get(header) ?? null);
  const optional = (header: string) => text(header) || undefined;
  const choice = (header: string) => {
    const value = text(header);
    const column = COLUMN_BY_HEADER.get(header)!;
    if (!value) return undefined;
    const chosen = choiceValue(column.choices!, value);
    if (!chosen) reasons.set(header, `“${value}”不是可选的值（${Object.values(column.choices!).join('、')}）`);
    return chosen;
  };
  const number = (header: string) => {
    const value = row.cells.get(header);
    if (typeof value === 'number') return value;
    const raw = text(header);
    return raw === '' ? undefined : /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  };
  const idNumber = (header: string) => {
    if (typeof row.cells.get(header) === 'number') {
      reasons.set(header, '身份证号被 Excel 存成了数字，后几位可能已经改变，请把这一列设为文本后重新填写');
    }
    return text(header).toUpperCase();
  };
  const specialStatus = (header: string) =>
    text(header)
      .split(SPECIAL_STATUS_SEPARATOR)
      .filter(Boolean)
      .flatMap((label) => {
        const value = choiceValue(SPECIAL_STATUS_LABELS, label);
        if (!value) reasons.set(header, `“${label}”不是可选的值（${Object.values(SPECIAL_STATUS_LABELS).join('、')}）`);
        return value ? [value] : [];
      });
  const month = (header: string) => {
    const value = row.cells.get(header);
    if (value instanceof Date) return value.toISOString().slice(0, 7);
    const match = /^(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*月?$/.exec(text(header));
    return match ? `${match[1]}-${match[2].padStart(2, '0')}` : optional(header);
  };

  // Groups left empty are skipped, so member 3 of the sheet may be members[1] of the household.
  const memberNumbers = Array.from({ length: MAX_IMPORT_MEMBERS }, (_, i) => i + 1).filter((n) =>
    ['姓名', '与户主关系', '身份证号', '劳动能力', '特殊情况'].some((part) => text(`成员${n}${part}`) !== ''),
  );
  const members = memberNumbers.map((n) => ({
      name: text(`成员${n}姓名`),
      relation: choice(`成员${n}与户主关系`),
      idNumber: idNumber(`成员${n}身份证号`),
      workAbility: choice(`成员${n}劳动能力`),
      specialStatus: specialStatus(`成员${n}特殊情况`),
    }));

  return {
    memberNumbers,
    household: {
      head: {
        name: text('户主姓名'),
        idNumber: idNumber('户主身份证号'),
        phone: text('联系电话'),
        workAbility: choice('户主劳动能力'),
        specialStatus: specialStatus('户主特殊情况'),
      },
      members,
      address: text('住址'),
      hazard: { type: choice('隐患类型'), pointNumber: optional('隐患点编号') },
      house: { structure: choice('房屋结构'), floorArea: number('建筑面积（㎡）'), yearBuilt: number('建造年份') },
      photoIds: [],
    },
    wishes: {
      willingness: choice('搬迁意愿'),
      resettlementType: choice('安置方式'),
      preferredMoveMonth: month('意向搬迁时间'),
      reasons: text('原因说明'),
    },
  };
}

/** "列名：问题" for each problem, one per column, in column order. */
function reasonsOf(reasons: Map<string, string>): string[] {
  const order = IMPORT_COLUMNS.map((column) => column.header);
  const rank = (label: string) => {
    const index = order.findIndex((header) => header === label || header.startsWith(label));
    return index === -1 ? order.length : index;
  };
  return [...reasons].sort(([a], [b]) => rank(a) - rank(b)).map(([label, message]) => `${label}：${message}`);
}

function addIssues(reasons: Map<string, string>, prefix: string, error: ZodError, memberNumbers: number[] = []) {
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    if (path[0] === 'members' && path.length > 1) path[1] = String(memberNumbers[Number(path[1])] - 1);
    const label = columnLabel([prefix, ...path].join('.'));
    if (!reasons.has(label)) reasons.set(label, issue.message);
  }
}

/** Village names as written in a ledger → codes; `乡镇` may be left out when the name is unique. */
function villageIndex(county: DivisionNode) {
  const byName = new Map<string, string[]>();
  const names = new Map<string, string>();
  for (const township of county.children) {
    for (const village of township.children) {
      names.set(village.code, `${township.name}${village.name}`);
      for (const key of [`${township.name}/${village.name}`, village.name]) byName.set(key, [...(byName.get(key) ?? []), village.code]);
    }
  }
  return {
    names,
    find(townshipName: string, villageText: string): string | { problem: string } {
      if (!villageText) return { problem: '请填写村（社区）' };
      if (/^\d{12}$/.test(villageText)) return names.has(villageText) ? villageText : { problem: `本县没有代码为 ${villageText} 的村（社区）` };
      const codes = byName.get(townshipName ? `${townshipName}/${villageText}` : villageText) ?? [];
      if (codes.length === 1) return codes[0];
      if (codes.length > 1) return { problem: `有多个“${villageText}”，请填写所属乡镇` };
      return { problem: `本县没有${townshipName}“${villageText}”` };
    },
  };
}

export type LedgerImportDeps = {
  connection: Connection;
  crypto: FieldCrypto;
  uploadDir: string;
  divisions: Pick<DivisionsService, 'tree'>;
  sites: Pick<SitesService, 'all'>;
  registrations: Pick<RegistrationsService, 'create'>;
  audit: Pick<AuditService, 'record'>;
};

type ImportRequest = { actor: StaffActor; file: ReceivedFile; ip: string; log: ErrorLog };

/**
 * Ledger (台账) import: the county's Excel sheets in, one registration per valid row, each
 * checked with the same schemas as the mini-program and created the same way. Importing a file
 * again creates nothing new: its rows come back as duplicates. The file is checked while the
 * staff member waits; its rows are imported by a background job they follow.
 */
export function createLedgerImporter(deps: LedgerImportDeps) {
  const jobs = createLedgerImportJobs(deps.connection, (job, actor, ip) =>
    deps.audit.record({
      actor: { id: actor.id, name: actor.displayName, role: actor.role, divisionCode: actor.divisionCode },
      ip,
      action: 'registration.import.finish',
      targetType: 'registration',
      targetId: null,
      result: job.status === 'done' ? 'success' : 'failure',
      detail: JSON.stringify({ importId: job.id, status: job.status, rows: job.totalRows, processed: job.processedRows, imported: job.imported, duplicates: job.duplicates.length, rejected: job.rejected.length }),
    }),
  );

  /** Checks and creates one row's registration; rows repeating an earlier head are refused. */
  async function rowImporter(actor: StaffActor, fileSha256: string) {
    const villages = villageIndex(await deps.divisions.tree());
    const sitesByName = new Map((await deps.sites.all()).items.map((site) => [site.name, site.id]));
    const headsSeen = new Map<string, number>();

    return async (row: SheetRow): Promise<RowOutcome> => {
      const reasons = new Map<string, string>();
      const input = rowInput(row, reasons);

      const village = villages.find(cellText(row.cells.get('乡镇') ?? null), cellText(row.cells.get('村（社区）') ?? null));
      if (typeof village !== 'string') reasons.set('村（社区）', village.problem);
      else if (!isInScope(actor, village)) reasons.set('村（社区）', `${villages.names.get(village)}不在您的管辖范围内`);
      const siteName = cellText(row.cells.get('意向安置点') ?? null);
      const preferredSiteId = siteName ? sitesByName.get(siteName) : undefined;
      if (siteName && !preferredSiteId) reasons.set('意向安置点', `没有名为“${siteName}”的安置点`);

      const household = householdSchema.safeParse({ ...input.household, villageCode: typeof village === 'string' ? village : undefined });
      const wishes = wishesSchema.safeParse({ ...input.wishes, preferredSiteId });
      if (!household.success) addIssues(reasons, 'household', household.error, input.memberNumbers);
      if (!wishes.success) addIssues(reasons, 'wishes', wishes.error);
      if (reasons.size > 0 || !household.success || !wishes.success) {
        return { kind: 'rejected', entry: { row: row.number, reasons: reasonsOf(reasons) } };
      }

      const householdKey = deps.crypto.hash(household.data.head.idNumber);
      const earlier = headsSeen.get(householdKey);
      if (earlier !== undefined) {
        return { kind: 'rejected', entry: { row: row.number, reasons: [`户主身份证号：与第 ${earlier} 行是同一户，同一户只能登记一次`] } };
      }
      headsSeen.set(householdKey, row.number);

      const duplicate = { kind: 'duplicate', entry: { row: row.number, headName: household.data.head.name } } as const;
      try {
        const { created } = await deps.registrations.create({
          household: household.data,
          wishes: wishes.data,
          source: 'import',
          submitter: { kind: 'staff', id: actor.id, name: actor.displayName, role: actor.role },
          residentId: null,
          enteredBy: { staffId: actor.id, name: actor.displayName },
          // The same file again finds what it created; another file with an active household is refused below.
          idempotencyKey: `import:${fileSha256.slice(0, 16)}:${householdKey}`,
        });
        return created ? { kind: 'imported' } : duplicate;
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'REGISTRATION_ACTIVE_EXISTS')) throw error;
        return duplicate;
      }
    };
  }

  return {
    receiveOptions: {
      field: 'file',
      maxBytes: MAX_LEDGER_BYTES,
      tempDir: incomingDir(deps.uploadDir),
      tooLargeMessage: `台账文件不能超过 ${MAX_LEDGER_BYTES / 1024 / 1024} MB，请按乡镇分成几个文件导入`,
      missingMessage: '请选择要导入的台账文件（.xlsx）',
    } satisfies ReceiveOptions,

    /** Reads and checks the file, then starts the job that imports its rows. */
    async importLedger({ actor, file, ip, log }: ImportRequest): Promise<LedgerImportJob> {
      let rows: SheetRow[];
      try {
        // An .xlsx is a zip; the type is what the bytes say, never the file name.
        if (!file.head.subarray(0, 4).equals(ZIP_SIGNATURE)) throw invalidFile();
        rows = await readSheet(file.tempPath).catch((error) => Promise.reject(error instanceof AppError ? error : invalidFile()));
      } finally {
        await file.discard();
      }
      const importRow = await rowImporter(actor, file.sha256);
      return jobs.start({ actor, ip, fileName: path.basename(file.filename.replaceAll('\\', '/')).slice(0, 200) || '台账.xlsx', rows, importRow, log });
    },

    job: jobs.get,
    recentJobs: jobs.recent,
    stopJobs: jobs.stop,
    markAbandonedJobs: jobs.markAbandoned,
    purgeJobsFinishedBefore: jobs.purgeFinishedBefore,

    /** The template: the columns, one example row (never imported) and a sheet of notes. */
    async template(): Promise<{ filename: string; content: Buffer }> {
      const county = await deps.divisions.tree();
      const township = county.children[0];
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet(IMPORT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = IMPORT_COLUMNS.map((column) => ({
        header: column.header,
        key: column.header,
        width: column.width,
        ...(column.text && { style: { numFmt: '@' } }),
      }));
      sheet.getRow(1).font = { bold: true };
      IMPORT_COLUMNS.forEach((column, index) => {
        if (column.required) sheet.getRow(1).getCell(index + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE7BA' } };
      });
      sheet.addRow({
        序号: EXAMPLE_MARK,
        乡镇: township.name,
        '村（社区）': township.children[0]?.name ?? '',
        户主姓名: '张三',
        户主身份证号: withCheckDigit('53232919750315001'),
        联系电话: '13800000000',
        户主劳动能力: '有劳动能力',
        户主特殊情况: '',
        住址: '三组 18 号',
        隐患类型: '滑坡',
        隐患点编号: 'YN-532329-017',
        房屋结构: '土木结构',
        '建筑面积（㎡）': 86.5,
        建造年份: 1992,
        搬迁意愿: '愿意',
        安置方式: '集中安置',
        意向搬迁时间: '2026-10',
        原因说明: '房后山体开裂',
        成员1姓名: '李四',
        成员1与户主关系: '配偶',
        成员1身份证号: withCheckDigit('53232919770420002'),
        成员1劳动能力: '弱劳动能力',
        成员1特殊情况: '低保',
      });
      addChoiceLists(sheet);

      const notes = workbook.addWorksheet(NOTES_SHEET);
      notes.columns = [
        { header: '列', key: 'header', width: 18 },
        { header: '是否必填', key: 'required', width: 10 },
        { header: '说明', key: 'note', width: 80 },
      ];
      notes.getRow(1).font = { bold: true };
      for (const line of [
        `每行一户，填在“${IMPORT_SHEET}”表里；表头不要改动。序号填“${EXAMPLE_MARK}”的行是示例，导入时跳过。`,
        `户主以外的家庭成员填在“成员1…成员${MAX_IMPORT_MEMBERS}”几组列里，一人一组；不足的留空。`,
        '身份证号、手机号请保持文本格式。导入后每户生成一条“已提交”的登记，由乡镇受理。',
        `同一个文件重复导入不会重复登记；已有正在办理登记的农户会列为“重复”。每个文件最多 ${MAX_IMPORT_ROWS} 户。`,
      ]) {
        notes.addRow({ header: '说明', note: line });
      }
      for (const column of IMPORT_COLUMNS.slice(0, IMPORT_COLUMNS.length - 5 * (MAX_IMPORT_MEMBERS - 1))) {
        const choices = column.choices ? `可选：${Object.values(column.choices).join('、')}` : '';
        notes.addRow({ header: column.header, required: column.required ? '必填' : '', note: [choices, column.note].filter(Boolean).join('；') });
      }
      return { filename: '搬迁登记台账导入模板.xlsx', content: Buffer.from(await workbook.xlsx.writeBuffer()) };
    },
  };
}

/** Drop-down lists of the allowed labels on every row a file may have. */
function addChoiceLists(sheet: ExcelJS.Worksheet) {
  const validations = (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
  IMPORT_COLUMNS.forEach((column: ImportColumn, index) => {
    if (!column.choices) return;
    const letter = sheet.getColumn(index + 1).letter;
    validations.add(`${letter}2:${letter}${MAX_IMPORT_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${Object.values(column.choices).join(',')}"`],
      showErrorMessage: true,
      errorTitle: column.header,
      error: `请从下拉列表中选择${column.header}`,
    });
  });
}
