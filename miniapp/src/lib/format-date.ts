export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}
