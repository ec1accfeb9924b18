import type { Middleware } from 'koa';
import type { Connection } from 'mongoose';
import type { AppContextExtras, AppState } from '../app-context';
import { isDuplicateKey } from '../db/duplicate-key';
import { AppError } from '../errors';
import type { Access } from '../routing/define-route';
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

/**
 * Whose requests a route's limit counts: the signed-in account on resident and staff routes, so
 * that callers sharing an address (a carrier's NAT, an office) never use up each other's limit;
 * the client address on public routes, where there is no account.
 */
function callerOf(ctx: { ip: string; state: AppState }, access: Access): string {
  if (access.kind === 'public') return `ip:${ctx.ip}`;
  const id = access.kind === 'resident' ? ctx.state.residentId : ctx.state.staff?.id;
  if (!id) throw new Error('rate limit placed before guard: no signed-in account to count');
  return `${access.kind}:${id}`;
}

/** Runs after `guard(access)`, which puts the signed-in account on `ctx.state`. */
export function rateLimit(limitPerMinute: number, scope: string, access: Access): Middleware<AppState, AppContextExtras> {
  return async (ctx, next) => {
    if (!(await ctx.services.rateLimits.hit(`${scope}|${callerOf(ctx, access)}`, limitPerMinute))) {
      ctx.set('Retry-After', '60');
      throw new AppError('RATE_LIMITED');
    }
    await next();
  };
}
