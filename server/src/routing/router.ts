import Router, { type RouterMiddleware } from '@koa/router';
import type { Middleware } from 'koa';
import type { AppState, AppContextExtras } from '../app-context';
import { guard } from '../middleware/auth';
import { audit } from '../middleware/audit';
import { rateLimit } from '../middleware/rate-limit';
import { parseInput, periodDetails } from '../middleware/validate';
import type { AnyRoute, RouteContext } from './define-route';

/** The first two segments of a path, `/api/registrations` of `/api/registrations/:id/accept`. */
const sectionOf = (path: string) => path.split('/', 3).join('/').toLowerCase();

/**
 * Koa paths use `:id`; the table and OpenAPI share them. Routes are grouped by their first two
 * segments (every route path starts with two fixed ones), so a request is matched against its own
 * section's routes, not all two hundred: the router tests every route it holds for each request.
 */
export function buildRouter(routes: readonly AnyRoute[]): Middleware<AppState, AppContextExtras> {
  const routers = new Map<string, Router<AppState, AppContextExtras>>();
  for (const route of routes) {
    const section = sectionOf(route.path);
    if (/[:(*{]/.test(section)) throw new Error(`${route.path}: the first two segments of a route path must be fixed`);
    if (!routers.has(section)) routers.set(section, new Router<AppState, AppContextExtras>());
    routers.get(section)!.register(route.path, [route.method.toUpperCase()], routeChain(route));
  }
  const sections = new Map<string, Middleware<AppState, AppContextExtras>>();
  for (const [section, router] of routers) {
    const matched = router.routes() as Middleware<AppState, AppContextExtras>;
    const allowedMethods = router.allowedMethods() as Middleware<AppState, AppContextExtras>;
    sections.set(section, (ctx, next) => matched(ctx, () => allowedMethods(ctx, next)));
  }
  return (ctx, next) => {
    const section = sections.get(sectionOf(ctx.path));
    return section ? section(ctx, next) : next();
  };
}

function routeChain(route: AnyRoute): RouterMiddleware<AppState, AppContextExtras>[] {
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
  return chain;
}
