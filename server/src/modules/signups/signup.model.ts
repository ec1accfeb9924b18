import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { SIGNUP_EVENT_KINDS, SIGNUP_STATUSES, type SignupStatus } from '@anqian/shared';

/**
 * Held by the one request that is signing a resident up while it takes a place; repeats of the
 * same resident wait for it instead of taking places of their own. Never shown to anyone.
 */
export const SIGNUP_CLAIMED = 'claimed';

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
    status: { type: String, enum: [...SIGNUP_STATUSES, SIGNUP_CLAIMED], required: true },
    name: { type: String, required: true },
    phoneMasked: { type: String, default: null },
    code: { type: String, required: true },
    confirmedAt: { type: Date, default: null },
    waitlistedAt: { type: Date, default: null },
    cancelledAt: { type: Date, default: null },
    /** When it last joined the review queue; staff admit by `priority` (higher first), then by this. */
    pendingAt: { type: Date, default: null },
    priority: { type: Number, default: 0 },
    /** Staff's reason for a rejection or removal, shown to the resident. */
    reason: { type: String, default: null },
    /**
     * The resident account told about this sign-up (messages, reminders) when it is not
     * `residentId` itself, e.g. a course application for a household member; null for nobody.
     * Absent on sign-ups stored before it existed: those tell `residentId`.
     */
    contactId: { type: String },
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
signupSchema.index({ eventId: 1, status: 1, priority: -1, pendingAt: 1 });

export type SignupRecord = Omit<InferSchemaType<typeof signupSchema>, 'status'> & {
  _id: Types.ObjectId;
  status: SignupStatus | typeof SIGNUP_CLAIMED;
  createdAt: Date;
  updatedAt: Date;
};
/** A sign-up some request finished: the only kind that is presented or counted. */
export type SettledSignupRecord = SignupRecord & { status: SignupStatus };
export const SETTLED = { status: { $ne: SIGNUP_CLAIMED } };

export const signupModel = (connection: Connection) => connection.model('Signup', signupSchema);
