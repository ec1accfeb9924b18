/** Ledger (台账) import: what the staff member gets back for a file. */
export type LedgerImportReport = {
  totalRows: number;
  imported: number;
  /** Rows whose household already has an active registration (e.g. the same file imported again). */
  duplicates: { row: number; headName: string }[];
  rejected: { row: number; reasons: string[] }[];
};
