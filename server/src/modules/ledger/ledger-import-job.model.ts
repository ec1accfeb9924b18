import { Schema, type Connection, type Types } from 'mongoose';
import type { LedgerImportReport, LedgerImportStatus } from '@anqian/shared';

/**
 * One ledger import and its growing report. The rows are imported in the background; the job
 * document is rewritten by id as they go (`heartbeatAt` with each write), so a job whose process
 * died can be told from one still running.
 */
const jobSchema = new Schema(
  {
    status: { type: String, required: true },
    fileName: { type: String, required: true },
    divisionCode: { type: String, required: true },
    startedBy: { id: { type: String, required: true }, name: { type: String, required: true } },
    totalRows: { type: Number, required: true },
    processedRows: { type: Number, required: true },
    imported: { type: Number, required: true },
    duplicates: { type: [{ _id: false, row: Number, headName: String }], default: [] },
    rejected: { type: [{ _id: false, row: Number, reasons: [String] }], default: [] },
    /** Kept beside the lists so the recent-imports list need not load them. */
    duplicateCount: { type: Number, required: true },
    rejectedCount: { type: Number, required: true },
    failure: { type: String, default: null },
    startedAt: { type: Date, required: true },
    heartbeatAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
  },
  { collection: 'ledger_import_jobs', versionKey: false },
);

jobSchema.index({ 'startedBy.id': 1, startedAt: -1 });
jobSchema.index({ status: 1, heartbeatAt: 1 });

export type LedgerImportJobRecord = LedgerImportReport & {
  _id: Types.ObjectId;
  status: LedgerImportStatus;
  fileName: string;
  divisionCode: string;
  startedBy: { id: string; name: string };
  processedRows: number;
  duplicateCount: number;
  rejectedCount: number;
  failure: string | null;
  startedAt: Date;
  heartbeatAt: Date;
  finishedAt: Date | null;
};

export const ledgerImportJobModel = (connection: Connection) => connection.model('LedgerImportJob', jobSchema);
