import { Schema, type Connection } from 'mongoose';

/**
 * Failed sign-ins per user name, whether or not the account exists, so that the lock-out
 * answer never reveals which user names are real.
 */
const loginThrottleSchema = new Schema(
  {
    _id: { type: String, required: true },
    failures: { type: Number, required: true, default: 0 },
    lockedUntil: { type: Date, default: null },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'login_throttles', versionKey: false },
);

export const loginThrottleModel = (connection: Connection) => connection.model('LoginThrottle', loginThrottleSchema);
