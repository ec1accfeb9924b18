import type { Connection } from 'mongoose';
import { createChangeToken, createWritableTokenCache } from '../../db/change-token';
import { isDuplicateKey } from '../../db/duplicate-key';
import { registrationModel, type RegistrationRecord } from './registration.model';
import { registrationSummaryModel, SUMMARY_VERSION, summaryOf, type RegistrationSummaryRecord } from './registration-summary.model';
import { createSummaryTable, type SummaryFilter, type SummaryQuery } from './summary-table';

/** Bumped after every summary write; anything that writes summaries around the service must bump it too. */
export const REGISTRATION_SUMMARIES_CHANGE_TOKEN = 'registration-summaries';

/**
 * Keeps `registration_summaries` in step with `registrations` (see registration-summary.model), and
 * every summary in memory behind a change token (docs/ARCHITECTURE.md, "What the server keeps in
 * memory"): lists, counts and lookups by household or resident read the memory, not the database.
 */
export function createRegistrationSummaries(deps: { connection: Connection }) {
  const Summary = registrationSummaryModel(deps.connection);
  const Registration = registrationModel(deps.connection);
  const token = createChangeToken(deps.connection, REGISTRATION_SUMMARIES_CHANGE_TOKEN);
  const memory = createWritableTokenCache(token, async () => createSummaryTable(await Summary.find({}).lean<RegistrationSummaryRecord[]>()));

  /** Writes the summary of `record` unless a newer one is already stored (another process got there first). */
  async function save(record: RegistrationRecord): Promise<void> {
    const summary = summaryOf(record);
    try {
      const written = await Summary.replaceOne({ _id: record._id, updatedAt: { $lte: record.updatedAt } }, summary, { upsert: true });
      if (written.matchedCount + written.upsertedCount === 0) return;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return;
    }
    await memory.changedHere(token, (table) => table.put(summary));
  }

  const find = async (filter: SummaryFilter, query?: SummaryQuery) => (await memory.current()).find(filter, query);

  return {
    Summary,
    save,
    find,
    countBy: async <K extends keyof RegistrationSummaryRecord>(filter: SummaryFilter, field: K) => (await memory.current()).countBy(filter, field),

    /** Summaries of the household's registrations, newest first. */
    ofHousehold: (householdKey: string) => find({ householdKey }, { sort: { submittedAt: -1, _id: -1 } }),

    /**
     * Rewrites every summary that is missing, older than its registration or of an older shape;
     * returns how many. It compares against the memory, so start-up loads the summaries once and the
     * first list after it does not wait for them.
     */
    async reconcile(): Promise<number> {
      const current = (await find({})).filter((summary) => summary.v === SUMMARY_VERSION);
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
