export type EmbeddedDb = { uri: string; port: number; pid: number; stop(): Promise<void> };
type EmbeddedDbOptions = { dataDir: string; port?: number; log?: (line: string) => void; extraArgs?: string[] };
type FerretdbLib = {
  startFerretdb(options: EmbeddedDbOptions): Promise<EmbeddedDb>;
  EmbeddedDbError: new (message: string) => Error;
  freePort(): Promise<number>;
};

// Shared with the start script, which must run before any TypeScript tooling is installed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ferretdb: FerretdbLib = require('../../../scripts/lib/ferretdb.cjs');

/** The embedded database cannot start (Go missing, a build failed, the data folder is in use). */
export const EmbeddedDbError = ferretdb.EmbeddedDbError;

/** A local port nobody listens on, found as the database's own port is. */
export const freePort = (): Promise<number> => ferretdb.freePort();

export function startEmbeddedDatabase(options: EmbeddedDbOptions): Promise<EmbeddedDb> {
  return ferretdb.startFerretdb(options);
}
