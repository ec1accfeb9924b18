import type { Connection } from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key';
import type { WriteFilter } from '../../db/database-flavor';
import { registrationModel, type RegistrationRecord } from './registration.model';
import { householdModel, registrationSummaryModel, summaryOf, type RegistrationSummaryRecord } from './registration-summary.model';

/**
 * Keeps `registration_summaries` and `households` in step with `registrations` (see
 * registration-summary.model).
 */
export function createRegistrationSummaries(deps: { connection: Connection; writeFilter: WriteFilter }) {
  const Summary = registrationSummaryModel(deps.connection);
  const Household = householdModel(deps.connection);
  const Registration = registrationModel(deps.connection);

  /** Writes the summary of `record` unless a newer one is already stored (another process got there first). */
  async function save(record: RegistrationRecord): Promise<void> {
    try {
      await Summary.replaceOne(deps.writeFilter(record._id, { updatedAt: { $lte: record.updatedAt } }), summaryOf(record), { upsert: true });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    await Household.updateOne({ _id: record.householdKey }, { $addToSet: { registrationIds: record._id } }, { upsert: true });
  }

  return {
    Summary,
    save,

    /**
     * The summary and household link of a new registration, inserted rather than upserted: an
     * upsert looks its document up first, and FerretDB 1.24's SQLite backend never uses its `_id`
     * index for that (it queries `->'$._id'`, the index is on `->'_id'`), so every lookup reads
     * the whole table — which would make a 6,500-row ledger import quadratic.
     */
    async added(record: RegistrationRecord): Promise<void> {
      // Already there only if the start-up check got to this registration first.
      await Summary.create(summaryOf(record)).catch((error: unknown) => {
        if (!isDuplicateKey(error)) throw error;
      });
      try {
        await Household.create({ _id: record.householdKey, registrationIds: [record._id] });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        await Household.updateOne({ _id: record.householdKey }, { $addToSet: { registrationIds: record._id } });
      }
    },

    /** Summaries of the household's registrations, newest first. */
    async ofHousehold(householdKey: string): Promise<RegistrationSummaryRecord[]> {
      const household = await Household.findById(householdKey).lean<{ registrationIds: unknown[] }>();
      const found = await Promise.all((household?.registrationIds ?? []).map((id) => Summary.findById(id).lean<RegistrationSummaryRecord>()));
      // A resubmission can change the head and so the household; its id stays listed under the old one.
      return found
        .filter((summary) => summary?.householdKey === householdKey)
        .map((summary) => summary!)
        .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime());
    },

    /** Rewrites every summary that is missing or older than its registration; returns how many. */
    async reconcile(): Promise<number> {
      const stored = await Summary.find({}, { updatedAt: 1 }).lean<{ _id: unknown; updatedAt: Date }[]>();
      const known = new Map(stored.map((summary) => [String(summary._id), summary.updatedAt.getTime()]));
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
