// `npm run dev`: the API with reload (tsx watch), the admin console on Vite's dev server (:5173,
// proxying /api), and a watching H5 build served by the API under /h5/.
import { spawn } from 'node:child_process';
import { devSecretsEnv, ensureInstalled, repoRoot } from './lib/prepare.mjs';

ensureInstalled();
const env = { ...process.env, ...devSecretsEnv() };
const children = [
  spawn('npx', ['tsx', 'watch', 'server/src/main.ts'], { cwd: repoRoot, stdio: 'inherit', env }),
  spawn('npm', ['run', 'dev', '-w', 'admin'], { cwd: repoRoot, stdio: 'inherit', env }),
  spawn('npm', ['run', 'dev', '-w', 'miniapp'], { cwd: repoRoot, stdio: 'inherit', env }),
];
const stop = (signal) => children.forEach((child) => child.kill(signal));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));
for (const child of children) child.on('exit', () => stop('SIGTERM'));
