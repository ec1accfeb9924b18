import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { SIGNUP_EVENT_KINDS, SIGNUP_STATUSES } from '@anqian/shared';

/**
 * One resident's sign-up for one event: unique on (eventId, residentId), so a repeat finds the
 * same document, and a cancelled one is brought back rather than duplicated. `code` is the
 * ticket's short code, derived from the id with the server's key (see `e-ticket.ts`).
 */
const signupSchema = new Schema(
  {
    eventId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: SIGNUP_EVENT_KINDS, required: true },
    residentId: { type: String, required: true, index: true },
    status: { type: String, enum: SIGNUP_STATUSES, required: true },
    name: { type: String, required: true },
    phoneMasked: { type: String, default: null },
    code: { type: String, required: true },
    confirmedAt: { type: Date, default: null },
    waitlistedAt: { type: Date, default: null },
    cancelledAt: { type: Date, default: null },
    checkedInAt: { type: Date, default: null },
    checkedInBy: { type: String, default: null },
    /** Set by the one conditional update that wins the right to queue the reminder. */
    reminderQueuedAt: { type: Date, default: null },
  },
  { collection: 'signups', timestamps: true },
);

signupSchema.index({ eventId: 1, residentId: 1 }, { unique: true });
signupSchema.index({ eventId: 1, code: 1 });
signupSchema.index({ eventId: 1, status: 1, waitlistedAt: 1 });

export type SignupRecord = InferSchemaType<typeof signupSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };

export const signupModel = (connection: Connection) => connection.model('Signup', signupSchema);
