/** Ledger (台账) import: what the staff member gets back for a file. */
export type LedgerImportReport = {
  totalRows: number;
  imported: number;
  /** Rows whose household already has an active registration (e.g. the same file imported again). */
  duplicates: { row: number; headName: string }[];
  rejected: { row: number; reasons: string[] }[];
};

/**
 * `running` until every row is handled (`done`). `failed`: an unexpected error stopped it;
 * `interrupted`: the server stopped while it ran. Rows imported before either stay imported, and
 * importing the same file again picks up the rest without duplicates.
 */
export type LedgerImportStatus = 'running' | 'done' | 'failed' | 'interrupted';

/** A ledger import runs in the background; the staff member follows it with this. */
export type LedgerImportJob = LedgerImportReport & {
  id: string;
  status: LedgerImportStatus;
  fileName: string;
  processedRows: number;
  startedBy: { id: string; name: string };
  startedAt: string;
  finishedAt: string | null;
  /** Why it stopped early, in words for the staff member; null unless failed or interrupted. */
  failure: string | null;
};

/** A line of the caller's recent imports, without the per-row lists. */
export type LedgerImportJobSummary = Omit<LedgerImportJob, 'duplicates' | 'rejected'> & {
  duplicateCount: number;
  rejectedCount: number;
};
