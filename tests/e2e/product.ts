import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');

/** `clockFile`: write a number of days there to move the server's calendar ahead (0 or no file: today). */
export type Product = { baseUrl: string; pid: number; dbName: string; clockFile: string; stop(): Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts the server as `npm start` does (embedded database, fake WeChat, demo accounts, built front
 * ends) on a free port with a throw-away data folder. The front ends must already be built. Its
 * calendar can be moved through `clockFile` (CLOCK_OFFSET_FILE, which the server refuses in
 * production), so a test lets a public-notice period run its course as the days would.
 */
export async function startProduct(env: Record<string, string> = {}): Promise<Product> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'anqian-e2e-'));
  const dbName = `e2e_${randomBytes(4).toString('hex')}`;
  const clockFile = path.join(dataDir, 'clock-offset-days');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      // With a MONGODB_URI (a real server, or the test run's FerretDB) the product gets its own database.
      MONGODB_URI: process.env.MONGODB_URI ?? '',
      MONGODB_DB: dbName,
      PORT: String(port),
      EMBEDDED_DB_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SESSION_SECRET: randomBytes(32).toString('base64'),
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      CLOCK_OFFSET_FILE: clockFile,
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited during start-up:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start within 120 s:\n${output}`);
    }
    if (output.includes('is running')) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    baseUrl,
    pid: child.pid!,
    dbName,
    clockFile,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
