import type { Connection } from 'mongoose';

/**
 * Which server answers the MongoDB protocol. The difference that matters to us: FerretDB 1.24
 * (SQLite) hands only a filter that is `{ _id }` alone to SQLite (any other it decodes document
 * by document) and applies conditional updates without a transaction (see docs/ARCHITECTURE.md),
 * so guards are checked under the process's keyed lock and writes go by id (`writeFilter`).
 */
export type DatabaseFlavor = 'mongodb' | 'ferretdb';

export async function detectDatabaseFlavor(connection: Connection): Promise<DatabaseFlavor> {
  const info = await connection.db!.admin().command({ buildInfo: 1 });
  return 'ferretdbVersion' in info ? 'ferretdb' : 'mongodb';
}

/**
 * The filter of a conditional write to one document. Callers hold the document's keyed lock and
 * have checked `guard` against the document they read, so on FerretDB — where the guard would
 * neither be atomic nor use an index — the id alone is enough; MongoDB applies the whole filter
 * atomically, which keeps a multi-process deployment correct.
 */
export function createWriteFilter(flavor: DatabaseFlavor) {
  return (id: unknown, guard: Record<string, unknown> = {}): Record<string, unknown> =>
    flavor === 'ferretdb' ? { _id: id } : { ...guard, _id: id };
}

export type WriteFilter = ReturnType<typeof createWriteFilter>;
