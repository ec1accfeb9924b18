import type { Connection } from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key';
import { registrationModel, type RegistrationRecord } from './registration.model';
import { registrationSummaryModel, SUMMARY_VERSION, summaryOf, type RegistrationSummaryRecord } from './registration-summary.model';

/** Keeps `registration_summaries` in step with `registrations` (see registration-summary.model). */
export function createRegistrationSummaries(deps: { connection: Connection }) {
  const Summary = registrationSummaryModel(deps.connection);
  const Registration = registrationModel(deps.connection);

  /** Writes the summary of `record` unless a newer one is already stored (another process got there first). */
  async function save(record: RegistrationRecord): Promise<void> {
    try {
      await Summary.replaceOne({ _id: record._id, updatedAt: { $lte: record.updatedAt } }, summaryOf(record), { upsert: true });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  return {
    Summary,
    save,

    /** Summaries of the household's registrations, newest first. */
    ofHousehold: (householdKey: string) => Summary.find({ householdKey }).sort({ submittedAt: -1, _id: -1 }).lean<RegistrationSummaryRecord[]>(),

    /** Rewrites every summary that is missing, older than its registration or of an older shape; returns how many. */
    async reconcile(): Promise<number> {
      const stored = await Summary.find({}, { updatedAt: 1, v: 1 }).lean<{ _id: unknown; updatedAt: Date; v?: number }[]>();
      const current = stored.filter((summary) => summary.v === SUMMARY_VERSION);
      const known = new Map(current.map((summary) => [String(summary._id), summary.updatedAt.getTime()]));
      let repaired = 0;
      const cursor = Registration.find().lean<RegistrationRecord[]>().cursor();
      for await (const record of cursor as AsyncIterable<RegistrationRecord>) {
        if (known.get(record._id.toString()) === record.updatedAt.getTime()) continue;
        await save(record);
        repaired += 1;
      }
      return repaired;
    },
  };
}

export type RegistrationSummaries = ReturnType<typeof createRegistrationSummaries>;
