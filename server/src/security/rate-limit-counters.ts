import type { Connection } from 'mongoose';
import { isDuplicateKey } from '../db/duplicate-key';
import { rateLimitWindowModel } from './rate-limit-window.model';

const WINDOW_MS = 60_000;

/**
 * One-minute windows per key, counted in the database so that every server process on it shares
 * the count. A key's window opens with its first request, so a caller's run of requests is never
 * split by the turn of a clock minute. Each step is one atomic single-document write (MongoDB, and
 * FerretDB with the project's patches), so concurrent requests lose no count.
 */
export function createRateLimitCounters(connection: Connection, now: () => number = Date.now) {
  const Window = rateLimitWindowModel(connection);
  return {
    /** Counts one request under `key`; false once the key's window holds more than `limit`. */
    async hit(key: string, limit: number): Promise<boolean> {
      for (let attempt = 1; ; attempt += 1) {
        const at = new Date(now());
        const resetAt = new Date(at.getTime() + WINDOW_MS);
        try {
          const window = await Window.findOneAndUpdate(
            { _id: key, resetAt: { $gt: at } },
            { $inc: { count: 1 }, $setOnInsert: { resetAt } },
            { upsert: true, new: true },
          ).lean();
          return window!.count <= limit;
        } catch (error) {
          // The upsert met the key's run-out window on `_id`: open a new one. When a concurrent
          // request opened it first, the next round counts in that window.
          if (!isDuplicateKey(error) || attempt === 3) throw error;
          const reopened = await Window.updateOne({ _id: key, resetAt: { $lte: at } }, { $set: { count: 1, resetAt } });
          if (reopened.modifiedCount === 1) return true;
        }
      }
    },

    /** Deletes windows that have run out; the next request under their key opens a new one. */
    async purgeExpired(): Promise<number> {
      const { deletedCount } = await Window.deleteMany({ resetAt: { $lte: new Date(now()) } });
      return deletedCount;
    },
  };
}

export type RateLimitCounters = ReturnType<typeof createRateLimitCounters>;
