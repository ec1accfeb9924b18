import { Schema, type Connection } from 'mongoose';

/**
 * Failed sign-ins, counted twice: per user name and client (`source`, e.g. `ip:198.51.100.7`) and
 * per user name over every client (`source: null`). User names are counted whether or not the
 * account exists, so that the lock-out answer never reveals which user names are real.
 */
const loginThrottleSchema = new Schema(
  {
    /** `JSON.stringify([username, source])`: no user name can be made to collide with another's key. */
    _id: { type: String, required: true },
    username: { type: String, required: true, index: true },
    source: { type: String, default: null },
    failures: { type: Number, required: true, default: 0 },
    /** Account-wide counts only: when the hour they are counted in began. */
    windowStartedAt: { type: Date, default: null },
    lockedUntil: { type: Date, default: null },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'login_throttles', versionKey: false },
);

export const loginThrottleModel = (connection: Connection) => connection.model('LoginThrottle', loginThrottleSchema);
