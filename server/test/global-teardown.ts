import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const db = (globalThis as { __anqianTestDb?: { stop(): Promise<void>; dataDir: string } }).__anqianTestDb;
  if (!db) return;
  await db.stop();
  rmSync(db.dataDir, { recursive: true, force: true });
}
