import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase } from '../../server/src/db/embedded';
import { startProduct } from './product';

/**
 * One running product (server, built admin and H5) for all browser tests, on the run's database
 * (or a FerretDB of its own when only this project runs). Tests let the calendar move on, e.g. to
 * end a public-notice period, by writing a number of days to `E2E_CLOCK_FILE`.
 */
export default async function globalSetup() {
  let uri = process.env.MONGODB_URI;
  if (!uri) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'anqian-e2e-db-'));
    const db = await startEmbeddedDatabase({ dataDir, log: () => undefined });
    (globalThis as { __anqianE2eDb?: unknown }).__anqianE2eDb = { ...db, dataDir };
    uri = db.uri;
  }
  const product = await startProduct({ MONGODB_URI: uri });
  process.env.E2E_BASE_URL = product.baseUrl;
  process.env.E2E_CLOCK_FILE = product.clockFile;
  (globalThis as { __anqianProduct?: unknown }).__anqianProduct = product;
}
