import Router, { type RouterMiddleware } from '@koa/router';
import type { AppState, AppContextExtras } from '../app-context';
import { guard } from '../middleware/auth';
import { audit } from '../middleware/audit';
import { rateLimit } from '../middleware/rate-limit';
import { parseInput, periodDetails } from '../middleware/validate';
import type { AnyRoute, RouteContext } from './define-route';

/** Koa paths use `:id`; the table and OpenAPI share them. */
export function buildRouter(routes: readonly AnyRoute[]): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>();
  for (const route of routes) {
    const chain: RouterMiddleware<AppState, AppContextExtras>[] = [];
    chain.push(guard(route.access));
    // After guard, so that a signed-in caller is counted by account rather than by address.
    if (route.rateLimitPerMinute) chain.push(rateLimit(route.rateLimitPerMinute, `${route.method} ${route.path}`, route.access));
    if (route.audit) chain.push(audit(route.audit));
    chain.push(async (ctx) => {
      const input = {
        params: parseInput('params', route.params, ctx.params),
        query: parseInput('query', route.query, ctx.query),
        body: parseInput('body', route.body, (ctx.request as { body?: unknown }).body, periodDetails(route.periods, ctx)),
      };
      const result = await route.handler(ctx as RouteContext, input as never);
      if (result === undefined) {
        ctx.status = 204;
        return;
      }
      ctx.body = result;
      if (route.successStatus) ctx.status = route.successStatus;
    });
    router.register(route.path, [route.method.toUpperCase()], chain);
  }
  return router;
}
