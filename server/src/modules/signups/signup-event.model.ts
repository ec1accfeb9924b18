import { Schema, type Connection, type InferSchemaType, type MongooseQueryMiddleware, type Query, type Types } from 'mongoose';
import { SIGNUP_EVENT_KINDS } from '@anqian/shared';
import { sharedReadsFor, type SharedReads } from '../../db/shared-reads';

/**
 * The countable side of an event (a job fair, a training course), `_id` = the owner's id.
 * `remaining` is kept equal to `capacity - taken` by every write, so a place is taken with one
 * conditional `$inc` guarded by `remaining > 0` (the same as `taken < capacity`, which a filter
 * cannot compare without `$expr`) and is never overbooked. `waiting` counts the waitlist, so a
 * newcomer does not take a place freed for the first in the queue.
 */
const signupEventSchema = new Schema(
  {
    kind: { type: String, enum: SIGNUP_EVENT_KINDS, required: true },
    title: { type: String, required: true },
    place: { type: String, required: true },
    startsAt: { type: Date, required: true, index: true },
    /** Taking sign-ups: published and not cancelled (the start time closes it as well). */
    open: { type: Boolean, required: true },
    /**
     * Places are still given out (admission, the waitlist moving up): open, or closed to new
     * sign-ups but not yet started. Absent on events stored before it existed, which never used it.
     */
    admitting: { type: Boolean, default: false },
    /** New sign-ups wait for staff review (`pending`) before they take a place. */
    review: { type: Boolean, default: false },
    waitlist: { type: Boolean, required: true },
    capacity: { type: Number, required: true },
    taken: { type: Number, required: true, default: 0 },
    remaining: { type: Number, required: true },
    waiting: { type: Number, required: true, default: 0 },
  },
  { collection: 'signup_events', timestamps: true },
);

export type SignupEventRecord = InferSchemaType<typeof signupEventSchema> & { _id: Types.ObjectId };

/**
 * Reads of the same events' counters that arrive while one is on its way share it: every request
 * for a page of a busy list asks for the same few counters. Every counter write from this process
 * drops them as it starts and once it is done.
 */
const counterReadsByConnection = new WeakMap<object, Map<string, SharedReads<SignupEventRecord[]>>>();
export const counterReads = (connection: Connection) => sharedReadsFor(counterReadsByConnection, connection, 'signup_events');

const COUNTER_WRITES: MongooseQueryMiddleware[] = ['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'deleteOne', 'deleteMany', 'findOneAndDelete'];
signupEventSchema.pre(COUNTER_WRITES, { document: false, query: true }, function (this: Query<unknown, unknown>) {
  counterReads(this.model.db).drop();
});
signupEventSchema.post(COUNTER_WRITES, { document: false, query: true }, function (this: Query<unknown, unknown>) {
  counterReads(this.model.db).drop();
});
signupEventSchema.post('save', function () {
  counterReads(this.db).drop();
});

export const signupEventModel = (connection: Connection) => connection.model('SignupEvent', signupEventSchema);

/** The counters of these events, read once for all callers asking for the same ones at the same time. */
export function readCounters(Event: ReturnType<typeof signupEventModel>, ids: string[]): Promise<SignupEventRecord[]> {
  return counterReads(Event.db).read([...ids].sort().join(','), () => Event.find({ _id: { $in: ids } }).lean<SignupEventRecord[]>().exec());
}
