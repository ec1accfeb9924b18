/** A write refused by a unique index (MongoDB's code 11000; FerretDB does not say which index). */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number }).code === 11000;
}
