import type { Middleware } from 'koa';
import type { AppContextExtras, AppState } from '../app-context';
import { AppError } from '../errors';
import type { Access } from '../routing/define-route';

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
