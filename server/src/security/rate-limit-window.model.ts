import { Schema, type Connection } from 'mongoose';

/**
 * One rate-limit window: requests counted under one key (route and caller) until `resetAt`.
 * Kept in the database so every server process on it shares the count.
 */
const rateLimitWindowSchema = new Schema(
  {
    /** `<METHOD> <path>|<caller>`, the caller being `resident:<id>`, `staff:<id>` or `ip:<address>`. */
    _id: { type: String, required: true },
    count: { type: Number, required: true },
    resetAt: { type: Date, required: true },
  },
  { collection: 'rate_limits', versionKey: false },
);

// The maintenance job deletes windows that have run out (no TTL indexes on the embedded database).
rateLimitWindowSchema.index({ resetAt: 1 });

export const rateLimitWindowModel = (connection: Connection) => connection.model('RateLimitWindow', rateLimitWindowSchema);
