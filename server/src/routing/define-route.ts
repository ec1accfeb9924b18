import type { ParameterizedContext } from 'koa';
import type { z, ZodType } from 'zod';
import type { StaffRole } from '@anqian/shared';
import type { AppState, AppContextExtras } from '../app-context';
import type { Config } from '../config';

/**
 * Who may call a route. Declared once per route; the auth middleware enforces it and the
 * route-table test proves it for every route.
 */
export type Access =
  | { kind: 'public' }
  /** `sensitive`: the resident also agreed to the processing of ID numbers (PIPL Art. 29). */
  | { kind: 'resident'; consent?: 'personal' | 'sensitive' }
  | { kind: 'staff'; roles: readonly StaffRole[]; duringPasswordChange?: boolean };

export type RouteContext = ParameterizedContext<AppState, AppContextExtras>;

/**
 * Two body fields that set the period a dated workflow step runs for (China calendar days, both
 * included). The router refuses a start before today on the server's clock or a period shorter
 * than `minDays`, naming the field; the route-table test proves it for every declared period and
 * that every body with start and end dates declares one.
 */
export type BodyPeriod = { start: string; end: string; label: string; minDays: (config: Config) => number };

type Schema = ZodType | undefined;
type Infer<S> = S extends ZodType ? z.output<S> : undefined;

export type Input<P extends Schema, Q extends Schema, B extends Schema> = {
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
};

export type RouteDef<P extends Schema = Schema, Q extends Schema = Schema, B extends Schema = Schema> = {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** Audit action name; required for every staff write (checked by the route-table test). */
  audit?: string;
  /**
   * Requests per minute per signed-in account on resident and staff routes, per client address on
   * public routes; counted in the database, so the limit holds across server processes.
   */
  rateLimitPerMinute?: number;
  periods?: readonly BodyPeriod[];
  successStatus?: number;
  handler: (ctx: RouteContext, input: Input<P, Q, B>) => Promise<unknown> | unknown;
};

export type AnyRoute = RouteDef<Schema, Schema, Schema>;

/** Identity function that lets TypeScript infer the input types from the schemas. */
export function defineRoute<P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined>(
  route: RouteDef<P, Q, B>,
): AnyRoute {
  return route as unknown as AnyRoute;
}
