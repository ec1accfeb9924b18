/**
 * A write refused by a unique index. FerretDB does not say which index, and it reports an update
 * or upsert that hits one as an internal error carrying SQLite's message.
 */
export function isDuplicateKey(error: unknown): boolean {
  const { code, message } = error as { code?: number; message?: string };
  return code === 11000 || (code === 1 && String(message).includes('UNIQUE constraint failed'));
}
