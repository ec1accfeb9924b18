import type { Middleware } from 'koa';
import { AppError } from '../errors';

/**
 * Fixed one-minute windows per key, in this process's memory. Enough for one server process;
 * several processes behind a balancer would each allow the limit (noted in docs/ARCHITECTURE.md).
 */
export function createRateLimiter(limitPerMinute: number, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key: string): boolean {
      const t = now();
      const current = windows.get(key);
      if (!current || t - current.start >= 60_000) {
        if (windows.size > 50_000) windows.clear();
        windows.set(key, { start: t, count: 1 });
        return true;
      }
      current.count += 1;
      return current.count <= limitPerMinute;
    },
  };
}

export function rateLimit(limitPerMinute: number, scope: string): Middleware {
  const limiter = createRateLimiter(limitPerMinute);
  return async (ctx, next) => {
    if (!limiter.hit(`${scope}:${ctx.ip}`)) {
      ctx.set('Retry-After', '60');
      throw new AppError('RATE_LIMITED');
    }
    await next();
  };
}
