import type { ZodType } from 'zod';
import type { ErrorDetail } from '@anqian/shared';
import { validationFailed } from '../errors';

/** Parses one part of the request with a shared schema; a failure names every bad field. */
export function parseInput(part: 'params' | 'query' | 'body', schema: ZodType | undefined, value: unknown): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (result.success) return result.data;
  const details: ErrorDetail[] = result.error.issues.map((issue) => ({
    field: [part, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw validationFailed(details);
}
