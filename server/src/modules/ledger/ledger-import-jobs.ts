import { Types, type Connection } from 'mongoose';
import { type LedgerImportJob, type LedgerImportJobSummary, type LedgerImportReport } from '@anqian/shared';
import type { ErrorLog } from '../../error-log';
import type { StaffActor } from '../../security/staff-actor';
import { notFound } from '../../errors';
import { isInScope } from '../../security/scope';
import { ledgerImportJobModel, type LedgerImportJobRecord } from './ledger-import-job.model';

/** Progress is written at least this often, and whenever this many report lines are waiting. */
const FLUSH_INTERVAL_MS = 1_000;
const FLUSH_REPORT_LINES = 100;
/** A running job whose process has not written for this long has died with it. */
const ABANDONED_AFTER_MS = 5 * 60_000;
const RECENT_JOBS = 10;

const INTERRUPTED = '导入过程中服务器重启，导入已中断。';
const FAILED = '导入过程中出现意外错误，导入已中断。';

export type RowOutcome =
  | { kind: 'imported' }
  | { kind: 'duplicate'; entry: LedgerImportReport['duplicates'][number] }
  | { kind: 'rejected'; entry: LedgerImportReport['rejected'][number] };

type JobStart<Row> = { actor: StaffActor; ip: string; fileName: string; rows: Row[]; importRow: (row: Row) => Promise<RowOutcome>; log: ErrorLog };

type JobFields = Omit<LedgerImportJob, 'duplicates' | 'rejected'>;

function presentFields(record: Omit<LedgerImportJobRecord, 'duplicates' | 'rejected'>): JobFields {
  return {
    id: record._id.toHexString(),
    status: record.status,
    fileName: record.fileName,
    startedBy: record.startedBy,
    totalRows: record.totalRows,
    processedRows: record.processedRows,
    imported: record.imported,
    startedAt: record.startedAt.toISOString(),
    finishedAt: record.finishedAt?.toISOString() ?? null,
    failure: record.failure,
  };
}

const present = (record: LedgerImportJobRecord): LedgerImportJob => ({ ...presentFields(record), duplicates: record.duplicates, rejected: record.rejected });

const presentSummary = (record: Omit<LedgerImportJobRecord, 'duplicates' | 'rejected'>): LedgerImportJobSummary => ({
  ...presentFields(record),
  duplicateCount: record.duplicateCount,
  rejectedCount: record.rejectedCount,
});

/**
 * Ledger imports run after the request that started them has answered: a county ledger takes
 * about a minute on the embedded database, longer than a proxy or a staff member waits. Each job
 * writes its progress and growing report to its document by id; `stop` ends running jobs as
 * interrupted at shutdown, and `markAbandoned` does the same for jobs whose process died.
 */
export function createLedgerImportJobs(connection: Connection, onFinished: (job: LedgerImportJob, actor: StaffActor, ip: string) => Promise<void>) {
  const Jobs = ledgerImportJobModel(connection);
  const running = new Map<string, { stopping: boolean; done: Promise<void> }>();

  async function run<Row>(id: Types.ObjectId, control: { stopping: boolean }, { actor, ip, rows, importRow, log }: JobStart<Row>) {
    const progress = { processedRows: 0, imported: 0, duplicateCount: 0, rejectedCount: 0 };
    let pending: Pick<LedgerImportReport, 'duplicates' | 'rejected'> = { duplicates: [], rejected: [] };
    let flushedAt = Date.now();

    const flush = async (ending?: Pick<LedgerImportJobRecord, 'status' | 'failure'>) => {
      const now = new Date();
      await Jobs.updateOne(
        { _id: id },
        {
          $set: { ...progress, heartbeatAt: now, ...(ending && { ...ending, finishedAt: now }) },
          $push: { duplicates: { $each: pending.duplicates }, rejected: { $each: pending.rejected } },
        },
      );
      pending = { duplicates: [], rejected: [] };
      flushedAt = Date.now();
    };

    try {
      for (const row of rows) {
        if (control.stopping) break;
        const outcome = await importRow(row);
        progress.processedRows += 1;
        if (outcome.kind === 'imported') {
          progress.imported += 1;
        } else if (outcome.kind === 'duplicate') {
          pending.duplicates.push(outcome.entry);
          progress.duplicateCount += 1;
        } else {
          pending.rejected.push(outcome.entry);
          progress.rejectedCount += 1;
        }
        const unflushed = pending.duplicates.length + pending.rejected.length;
        if (unflushed >= FLUSH_REPORT_LINES || Date.now() - flushedAt >= FLUSH_INTERVAL_MS) await flush();
      }
      await flush(control.stopping ? { status: 'interrupted', failure: INTERRUPTED } : { status: 'done', failure: null });
    } catch (error) {
      log.error({ err: error, importJobId: id.toHexString() }, 'ledger import failed');
      await flush({ status: 'failed', failure: FAILED }).catch((flushError: unknown) => log.error({ err: flushError }, 'ledger import failure not recorded'));
    }
    await Jobs.findById(id)
      .lean<LedgerImportJobRecord>()
      .then((finished) => finished && onFinished(present(finished), actor, ip))
      .catch((error: unknown) => log.error({ err: error }, 'ledger import audit record failed'));
  }

  async function visibleRecord(actor: StaffActor, id: string): Promise<LedgerImportJobRecord> {
    const record = await Jobs.findById(id).lean<LedgerImportJobRecord>();
    // Someone else's import is theirs to see, and their area's staff above them.
    if (!record || (record.startedBy.id !== actor.id && !isInScope(actor, record.divisionCode))) {
      throw notFound('没有找到这次导入');
    }
    return record;
  }

  return {
    async start<Row>(job: JobStart<Row>): Promise<LedgerImportJob> {
      const now = new Date();
      const record: LedgerImportJobRecord = {
        _id: new Types.ObjectId(),
        status: 'running',
        fileName: job.fileName,
        divisionCode: job.actor.divisionCode,
        startedBy: { id: job.actor.id, name: job.actor.displayName },
        totalRows: job.rows.length,
        processedRows: 0,
        imported: 0,
        duplicates: [],
        rejected: [],
        duplicateCount: 0,
        rejectedCount: 0,
        failure: null,
        startedAt: now,
        heartbeatAt: now,
        finishedAt: null,
      };
      await Jobs.create(record);
      const control = { stopping: false, done: Promise.resolve() };
      control.done = run(record._id, control, job).finally(() => running.delete(record._id.toHexString()));
      running.set(record._id.toHexString(), control);
      return present(record);
    },

    async get(actor: StaffActor, id: string): Promise<LedgerImportJob> {
      return present(await visibleRecord(actor, id));
    },

    async recent(actor: StaffActor): Promise<{ items: LedgerImportJobSummary[] }> {
      const records = await Jobs.find({ 'startedBy.id': actor.id }, { duplicates: 0, rejected: 0 })
        .sort({ startedAt: -1 })
        .limit(RECENT_JOBS)
        .lean<Omit<LedgerImportJobRecord, 'duplicates' | 'rejected'>[]>();
      return { items: records.map(presentSummary) };
    },

    /** At shutdown: running jobs stop after their current row and are recorded as interrupted. */
    async stop(): Promise<void> {
      const jobs = [...running.values()];
      for (const job of jobs) job.stopping = true;
      await Promise.all(jobs.map((job) => job.done));
    },

    /** Jobs left `running` by a process that died; the maintenance job calls this. */
    async markAbandoned(now = new Date()): Promise<number> {
      const { modifiedCount } = await Jobs.updateMany(
        { status: 'running', heartbeatAt: { $lt: new Date(now.getTime() - ABANDONED_AFTER_MS) } },
        { $set: { status: 'interrupted', failure: INTERRUPTED, finishedAt: now } },
      );
      return modifiedCount;
    },

    async purgeFinishedBefore(cutoff: Date): Promise<number> {
      const { deletedCount } = await Jobs.deleteMany({ status: { $ne: 'running' }, startedAt: { $lt: cutoff } });
      return deletedCount;
    },
  };
}
