import type { Connection, Types, UpdateQuery } from 'mongoose';
import { registrationModel, type RegistrationRecord } from './registration.model';
import { createRegistrationSummaries } from './registration-summaries';
import type { SummaryFilter } from './summary-table';

/** Who may see a registration, checked on the stored record. */
export type Visible = (record: RegistrationRecord) => boolean;

/**
 * The registrations collection as the module's services use it: reads by id checked against who
 * is asking, and writes that keep the registration's summary in step.
 */
export function createRegistrationStore(connection: Connection) {
  const Registration = registrationModel(connection);
  const summaries = createRegistrationSummaries({ connection });

  /** Records come from memory when read lately (registration-summaries): callers must not change them. */
  async function findVisible(id: string, visible: Visible): Promise<RegistrationRecord | null> {
    const record = await summaries.record(id, () => Registration.findById(id).lean<RegistrationRecord>());
    return record && visible(record) ? record : null;
  }

  return {
    Registration,
    summaries,
    findVisible,

    /** The registrations whose summaries match `filter`, newest first. */
    async recordsOf(filter: SummaryFilter): Promise<RegistrationRecord[]> {
      const found = await summaries.find(filter, { sort: { submittedAt: -1, _id: -1 } });
      return summaries.records(
        found.map(({ _id }) => _id.toHexString()),
        (ids) => Registration.find({ _id: { $in: ids } }).lean<RegistrationRecord[]>(),
      );
    },

    /**
     * Changes one registration only if it still matches `guard` (its status when read, the
     * caller's area, ...), in one conditional update, so of two concurrent changes one wins.
     * Null when it no longer matches: changed meanwhile, or out of the caller's reach.
     */
    async guardedUpdate(id: Types.ObjectId, guard: Record<string, unknown>, update: UpdateQuery<RegistrationRecord>): Promise<RegistrationRecord | null> {
      const record = await Registration.findOneAndUpdate({ ...guard, _id: id }, update, { new: true }).lean<RegistrationRecord>();
      if (record) await summaries.save(record);
      return record;
    },

    async insert(document: Record<string, unknown>): Promise<RegistrationRecord> {
      const record = (await Registration.create(document)).toObject() as RegistrationRecord;
      await summaries.save(record);
      return record;
    },
  };
}

export type RegistrationStore = ReturnType<typeof createRegistrationStore>;
