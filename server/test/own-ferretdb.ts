import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mongo } from 'mongoose';
import { startEmbeddedDatabase, type EmbeddedDb } from '../src/db/embedded';

export type OwnFerretdb = { client: mongo.MongoClient; db: mongo.Db; dataDir: string; server: EmbeddedDb; stop(): Promise<void> };

/**
 * A FerretDB of the test's own (the project's patched build), whatever MONGODB_URI says: the tests
 * of the patches are about this database, not about the one the other suites run on.
 */
export async function startOwnFerretdb(extraArgs: string[] = []): Promise<OwnFerretdb> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'anqian-ferretdb-'));
  const server = await startEmbeddedDatabase({ dataDir, log: () => undefined, extraArgs });
  const client = await mongo.MongoClient.connect(server.uri, { maxPoolSize: 60 });
  return {
    client,
    db: client.db('patches'),
    dataDir,
    server,
    async stop() {
      await client.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
