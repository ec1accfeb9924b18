import type { ZodType } from 'zod';
import { type ErrorDetail, periodProblems } from '@anqian/shared';
import { validationFailed } from '../errors';
import type { BodyPeriod, RouteContext } from '../routing/define-route';

/**
 * Parses one part of the request with a shared schema; a failure names every bad field, together
 * with `also` (problems found by checks a static schema cannot make).
 */
export function parseInput(part: 'params' | 'query' | 'body', schema: ZodType | undefined, value: unknown, also: ErrorDetail[] = []): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (result.success && !also.length) return result.data;
  const details: ErrorDetail[] = result.success
    ? []
    : result.error.issues.map((issue) => ({
        field: [part, ...issue.path.map(String)].join('.'),
        message: issue.message,
      }));
  throw validationFailed([...details, ...also.filter((extra) => !details.some((detail) => detail.field === extra.field))]);
}

/**
 * What is wrong with the dated periods a route declares, against the server's today and the
 * configured minimum. Read from the raw body, so a bad period is named even when other fields are
 * wrong too.
 */
export function periodDetails(periods: readonly BodyPeriod[] | undefined, ctx: Pick<RouteContext, 'request' | 'clock' | 'config'>): ErrorDetail[] {
  const body = (ctx.request as { body?: unknown }).body;
  if (!periods?.length || typeof body !== 'object' || body === null) return [];
  const values = body as Record<string, unknown>;
  const today = ctx.clock.today();
  return periods.flatMap((period) => {
    const problems = periodProblems({ start: values[period.start], end: values[period.end] }, { today, minDays: period.minDays(ctx.config), label: period.label });
    return [
      ...(problems.start ? [{ field: `body.${period.start}`, message: problems.start }] : []),
      ...(problems.end ? [{ field: `body.${period.end}`, message: problems.end }] : []),
    ];
  });
}
