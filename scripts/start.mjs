// `npm start`: install what is missing, build the front ends if their sources changed, then run
// the server, which starts the embedded database unless MONGODB_URI is set.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { devSecretsEnv, ensureBuilt, ensureInstalled, repoRoot, step } from './lib/prepare.mjs';

const require = createRequire(import.meta.url);
const { ensureFerretdb, EmbeddedDbError } = require('./lib/ferretdb.cjs');

try {
  if (!process.env.MONGODB_URI) ensureFerretdb((line) => step(line));
  ensureInstalled();
  ensureBuilt('admin');
  ensureBuilt('h5');
} catch (error) {
  console.error(`\n启动失败：${error.message}\n`);
  process.exit(error instanceof EmbeddedDbError ? 2 : (error.exitCode ?? 1));
}

step('Starting the server');
const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { ...process.env, ...devSecretsEnv() },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
