import path from 'node:path';

export type EmbeddedDb = { uri: string; port: number; pid: number; stop(): Promise<void> };
type FerretdbLib = {
  startFerretdb(options: { dataDir: string; port?: number; log?: (line: string) => void }): Promise<EmbeddedDb>;
};

// Shared with the start script, which must run before any TypeScript tooling is installed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ferretdb: FerretdbLib = require('../../../scripts/lib/ferretdb.cjs');

export const repoRoot = path.resolve(__dirname, '../../..');
export const defaultDataDir = path.join(repoRoot, 'data', 'db');

export function startEmbeddedDatabase(options: { dataDir?: string; log?: (line: string) => void } = {}): Promise<EmbeddedDb> {
  return ferretdb.startFerretdb({ dataDir: options.dataDir ?? defaultDataDir, log: options.log });
}
