import dayjs from 'dayjs';

/** 2026年11月3日 14:05:09 style, in the browser's (county office's) local time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = dayjs(value);
  return date.isValid() ? date.format('YYYY年M月D日 HH:mm:ss') : '—';
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = dayjs(value);
  return date.isValid() ? date.format('YYYY年M月D日') : '—';
}
