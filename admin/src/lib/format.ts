import dayjs from 'dayjs';

/** 2026年11月3日 14:05:09: for read-only details, in the browser's (county office's) time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = dayjs(value);
  return date.isValid() ? date.format('YYYY年M月D日 HH:mm:ss') : '—';
}

const compact = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** 2026/11/03 14:05:09: the zh-CN short form, for table columns. */
export function formatDateTimeShort(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '—' : compact.format(date);
}

/** 2026-11-03: for wide tables; the detail page shows the time. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = dayjs(value);
  return date.isValid() ? date.format('YYYY-MM-DD') : '—';
}
