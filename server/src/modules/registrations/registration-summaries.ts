import type { Connection } from 'mongoose';
import { createChangeToken, createKeyedMemory, createWritableTokenCache } from '../../db/change-token';
import { isDuplicateKey } from '../../db/duplicate-key';
import { registrationModel, type RegistrationRecord } from './registration.model';
import { registrationSummaryModel, SUMMARY_VERSION, summaryOf, type RegistrationSummaryRecord } from './registration-summary.model';
import { createSummaryTable, type SummaryFilter, type SummaryQuery } from './summary-table';

/**
 * Bumped after every summary write, which follows every registration write; anything that writes
 * registrations or summaries around the service must bump it too.
 */
export const REGISTRATION_SUMMARIES_CHANGE_TOKEN = 'registration-summaries';

/** Registrations read lately, kept beside the summaries; past this many that memory starts again. */
const RECORDS_REMEMBERED = 2_000;

/**
 * Keeps `registration_summaries` in step with `registrations` (see registration-summary.model), and
 * every summary and the registrations read lately in memory behind a change token
 * (docs/ARCHITECTURE.md, "What the server keeps in memory"): lists, counts, lookups by household or
 * resident and a registration read again come from memory, not the database.
 */
export function createRegistrationSummaries(deps: { connection: Connection }) {
  const Summary = registrationSummaryModel(deps.connection);
  const Registration = registrationModel(deps.connection);
  const token = createChangeToken(deps.connection, REGISTRATION_SUMMARIES_CHANGE_TOKEN);
  const memory = createWritableTokenCache(token, async () => ({
    table: createSummaryTable(await Summary.find({}).lean<RegistrationSummaryRecord[]>()),
    records: createKeyedMemory<RegistrationRecord | null>(RECORDS_REMEMBERED),
  }));

  /** Writes `summary` unless a newer one is already stored (another process got there first); false then. */
  async function writeSummary(summary: RegistrationSummaryRecord): Promise<boolean> {
    try {
      const written = await Summary.replaceOne({ _id: summary._id, updatedAt: { $lte: summary.updatedAt } }, summary, { upsert: true });
      return written.matchedCount + written.upsertedCount > 0;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return false;
    }
  }

  /** After every registration write: its summary, and every process reads the registration again. */
  async function save(record: RegistrationRecord): Promise<void> {
    const summary = summaryOf(record);
    const written = await writeSummary(summary);
    await memory.changedHere(token, ({ table, records }) => {
      if (written) table.put(summary);
      records.forget(record._id.toHexString());
    });
  }

  const find = async (filter: SummaryFilter, query?: SummaryQuery) => (await memory.current()).table.find(filter, query);

  return {
    Summary,
    save,
    find,
    countBy: async <K extends keyof RegistrationSummaryRecord>(filter: SummaryFilter, field: K) => (await memory.current()).table.countBy(filter, field),

    /** The registration with this id, from memory if read lately; `load` reads it from the database. */
    async record(id: string, load: () => Promise<RegistrationRecord | null>): Promise<RegistrationRecord | null> {
      return (await memory.current()).records.get(id.toLowerCase(), load);
    },

    /** The registrations with these ids, in that order; `load` reads those not in memory with one query. */
    async records(ids: string[], load: (ids: string[]) => Promise<RegistrationRecord[]>): Promise<RegistrationRecord[]> {
      const { records } = await memory.current();
      const keys = ids.map((id) => id.toLowerCase());
      let missing: Promise<Map<string, RegistrationRecord>> | undefined;
      const loadMissing = () =>
        (missing ??= load(keys.filter((key) => !records.has(key))).then((found) => new Map(found.map((record) => [record._id.toHexString(), record]))));
      const found = await Promise.all(keys.map((key) => records.get(key, async () => (await loadMissing()).get(key) ?? null)));
      return found.filter((record) => record !== null);
    },

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
