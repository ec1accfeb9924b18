import ExcelJS from 'exceljs';
import type { Household, Wishes } from '@anqian/shared';
import { IMPORT_COLUMNS, IMPORT_SHEET } from '../../server/src/modules/ledger/ledger-columns';

const valueAt = (source: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value == null ? undefined : (value as Record<string, unknown>)[key]), source);

/**
 * A ledger in the import template's columns (the village by its 12-digit code, choices by their
 * stored values, which the import accepts beside the labels).
 */
export async function buildLedgerFile(rows: { household: Household; wishes: Wishes }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(IMPORT_SHEET);
  sheet.addRow(IMPORT_COLUMNS.map((column) => column.header));
  rows.forEach((row, index) => {
    sheet.addRow(
      IMPORT_COLUMNS.map((column) => {
        if (!column.path) return index + 1;
        if (column.path === 'household.townshipName') return '';
        const value = valueAt(row, column.path);
        if (Array.isArray(value)) return value.join('、');
        return value ?? '';
      }),
    );
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
