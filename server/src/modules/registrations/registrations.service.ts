import type { Connection } from 'mongoose';
import type { Household, Wishes } from '@anqian/shared';
import { AppError } from '../../errors';
import type { FieldCrypto } from '../../security/field-crypto';
import { householdRecord } from './household-record';
import { registrationModel, type RegistrationRecord } from './registration.model';

export type Submitter = { kind: 'resident' | 'cadre' | 'staff'; id: string; name: string; role?: string };

export type NewRegistration = {
  household: Household;
  wishes: Wishes;
  source: 'resident' | 'cadre' | 'import';
  submitter: Submitter;
  residentId?: string | null;
  enteredBy?: { staffId: string; name: string } | null;
  /** Already namespaced by the caller, e.g. `resident:<id>:<client key>`. */
  idempotencyKey: string;
};

/** MongoDB names the index in `keyPattern`; FerretDB only in the message. */
const isDuplicateKey = (error: unknown, field: string) => {
  const { code, keyPattern, message } = error as { code?: number; keyPattern?: Record<string, unknown>; message?: string };
  return code === 11000 && (keyPattern ? field in keyPattern : String(message).includes(field));
};

export function createRegistrationsService(deps: { connection: Connection; crypto: FieldCrypto }) {
  const Registration = registrationModel(deps.connection);

  return {
    /**
     * Stores a submitted registration. Safe under retries and races: the same idempotency key
     * returns the registration it created (`created: false`); another active registration for the
     * same household is refused by the unique `activeLock`.
     */
    async create(input: NewRegistration): Promise<{ record: RegistrationRecord; created: boolean }> {
      const existing = await Registration.findOne({ idempotencyKey: input.idempotencyKey }).lean<RegistrationRecord>();
      if (existing) return { record: existing, created: false };
      const record = householdRecord(input.household, deps.crypto);
      const now = new Date();
      try {
        const created = await Registration.create({
          ...record,
          activeLock: record.householdKey,
          idempotencyKey: input.idempotencyKey,
          source: input.source,
          residentId: input.residentId ?? null,
          enteredBy: input.enteredBy ?? null,
          wishes: input.wishes,
          status: 'submitted',
          timeline: [{ action: 'submit', from: null, to: 'submitted', at: now, actor: { ...input.submitter, role: input.submitter.role ?? null } }],
          submittedAt: now,
        });
        return { record: created.toObject() as RegistrationRecord, created: true };
      } catch (error) {
        if (isDuplicateKey(error, 'idempotencyKey')) {
          const raced = await Registration.findOne({ idempotencyKey: input.idempotencyKey }).lean<RegistrationRecord>();
          if (raced) return { record: raced, created: false };
        }
        if (isDuplicateKey(error, 'activeLock')) throw new AppError('REGISTRATION_ACTIVE_EXISTS');
        throw error;
      }
    },
  };
}

export type RegistrationsService = ReturnType<typeof createRegistrationsService>;
