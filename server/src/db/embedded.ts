export type EmbeddedDb = { uri: string; port: number; pid: number; stop(): Promise<void> };
type FerretdbLib = {
  startFerretdb(options: { dataDir: string; port?: number; log?: (line: string) => void }): Promise<EmbeddedDb>;
};

// Shared with the start script, which must run before any TypeScript tooling is installed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ferretdb: FerretdbLib = require('../../../scripts/lib/ferretdb.cjs');

export function startEmbeddedDatabase(options: { dataDir: string; log?: (line: string) => void }): Promise<EmbeddedDb> {
  return ferretdb.startFerretdb(options);
}
