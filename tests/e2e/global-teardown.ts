import { rmSync } from 'node:fs';
import type { Product } from './product';

export default async function globalTeardown() {
  await (globalThis as { __anqianProduct?: Product }).__anqianProduct?.stop();
  const db = (globalThis as { __anqianE2eDb?: { stop(): Promise<void>; dataDir: string } }).__anqianE2eDb;
  if (!db) return;
  await db.stop();
  rmSync(db.dataDir, { recursive: true, force: true });
}
