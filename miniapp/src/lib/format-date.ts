export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * An instant as China time, whatever the phone's time zone: `2026年5月3日 09:30`, or `5月3日 09:30`
 * with `withYear: false`.
 */
export function formatChinaTime(instant: string, { withYear = true } = {}): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const china = new Date(date.getTime() + CHINA_OFFSET_MS);
  const day = `${china.getUTCMonth() + 1}月${china.getUTCDate()}日`;
  const time = `${String(china.getUTCHours()).padStart(2, '0')}:${String(china.getUTCMinutes()).padStart(2, '0')}`;
  return `${withYear ? `${china.getUTCFullYear()}年` : ''}${day} ${time}`;
}
