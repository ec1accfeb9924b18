import { useCallback, useState } from 'react';
import type { FormInstance, FormRule } from 'antd';
import { isApiError } from '@/lib/api-client';

/** The part of a zod schema a form rule needs; keeps zod itself out of the admin's dependencies. */
type Parser = {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: { message: string }[] } };
};

/**
 * An antd rule backed by the same shared zod schema the server validates with. Empty optional
 * fields are left to `required` rules.
 */
export function zodRule(schema: Parser, options: { optional?: boolean } = {}): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (options.optional && (value === undefined || value === null || value === '')) return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '格式不正确');
    },
  };
}

/**
 * Puts the server's 400 VALIDATION_FAILED details (`field: "body.username"`) next to the matching
 * form fields. Returns true when at least one field was marked, so the caller can skip a toast.
 */
export function applyServerFieldErrors(form: FormInstance, error: unknown, fields: readonly string[]): boolean {
  if (!isApiError(error, 'VALIDATION_FAILED')) return false;
  const known = new Set(fields);
  const byField = new Map<string, string[]>();
  for (const detail of error.details) {
    const name = detail.field.replace(/^body\./, '');
    if (!known.has(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), detail.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}

/**
 * For dialogs that show their own failures: validation details go next to their fields, anything
 * else (a 409 such as "公示期尚未结束", a network error) is kept for an alert inside the dialog.
 */
export function useSubmitError(form: FormInstance, fields: readonly string[]) {
  const [error, setError] = useState<unknown>(null);
  const onError = useCallback(
    (next: unknown) => setError(applyServerFieldErrors(form, next, fields) ? null : next),
    [form, fields],
  );
  const clear = useCallback(() => setError(null), []);
  return { error, onError, clear };
}
