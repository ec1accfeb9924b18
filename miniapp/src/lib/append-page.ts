/** The next page added to the rows shown, without a row that moved onto it since the last page was read. */
export function appendPage<T extends { id: string }>(loaded: readonly T[], next: readonly T[]): T[] {
  const seen = new Set(loaded.map((item) => item.id));
  return [...loaded, ...next.filter((item) => !seen.has(item.id))];
}
