import type { AuditChange } from '@anqian/shared';

/** Long values (a document's text) are cut so that one audit record stays small. */
const MAX_VALUE_CHARS = 60;

type Field<T> = { label: string; format?: (value: T[keyof T]) => string };

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map(asText).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const cut = (text: string) => (text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text);

/**
 * The labelled fields that differ between two presentations of one thing, before and after a
 * change, as a reader of the audit log wants them: label, old text, new text.
 */
export function changesBetween<T extends object>(before: T, after: T, fields: { [K in keyof T]?: Field<T> }): AuditChange[] {
  return (Object.keys(fields) as (keyof T)[]).flatMap((key) => {
    const field = fields[key]!;
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) return [];
    const text = (value: T[keyof T]) => cut(field.format ? field.format(value) : asText(value));
    return [{ field: field.label, before: text(before[key]), after: text(after[key]) }];
  });
}
