import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase } from '../src/db/embedded';

/**
 * One FerretDB for the whole run on a free port with a throw-away data folder; each test file
 * then works in its own database. With MONGODB_URI set, that server is used instead.
 */
export default async function globalSetup() {
  if (process.env.MONGODB_URI) return;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'anqian-test-db-'));
  const db = await startEmbeddedDatabase({ dataDir, log: () => undefined });
  process.env.MONGODB_URI = db.uri;
  (globalThis as { __anqianTestDb?: unknown }).__anqianTestDb = { ...db, dataDir };
}
