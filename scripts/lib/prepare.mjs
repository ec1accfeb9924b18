// Steps shared by `npm start`, `npm test` and `npm run dev`: install what is missing, build what is stale.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export function step(title) {
  console.log(`\n▶ ${title}`);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: repoRoot, ...options });
  if (result.status !== 0) {
    const error = new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
    error.exitCode = result.status ?? 1;
    throw error;
  }
}

function hashFiles(paths) {
  const hash = createHash('sha256');
  const visit = (target) => {
    if (!fs.existsSync(target)) return;
    const stat = fs.statSync(target);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(target).sort()) {
        if (entry !== 'node_modules' && entry !== 'dist') visit(path.join(target, entry));
      }
    } else {
      hash.update(path.relative(repoRoot, target));
      hash.update(fs.readFileSync(target));
    }
  };
  paths.forEach((p) => visit(path.join(repoRoot, p)));
  return hash.digest('hex');
}

/**
 * Installs on a fresh clone, and again whenever package-lock.json changed since the last install.
 * `npm install` rather than `npm ci`: npm 11 drops other platforms' optional binaries from the lock
 * file, which `npm ci` then rejects as out of sync; `npm install` keeps the locked versions.
 */
export function ensureInstalled() {
  const marker = path.join(repoRoot, 'node_modules', '.anqian-lock-hash');
  const lockHash = () => hashFiles(['package.json', 'package-lock.json']);
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === lockHash()) return;
  step('Installing npm packages');
  run(npm, ['install', '--no-audit', '--no-fund']);
  fs.writeFileSync(marker, lockHash());
}

const BUILDS = {
  admin: {
    title: 'Building the admin console',
    inputs: ['admin/src', 'admin/index.html', 'admin/vite.config.ts', 'admin/package.json', 'shared/src', 'package-lock.json'],
    output: 'admin/dist',
    command: ['run', 'build', '-w', 'admin'],
  },
  h5: {
    title: 'Building the mini-program (H5)',
    inputs: ['miniapp/src', 'miniapp/config', 'miniapp/babel.config.js', 'miniapp/package.json', 'shared/src', 'package-lock.json'],
    output: 'miniapp/dist/h5',
    command: ['run', 'build:h5', '-w', 'miniapp'],
  },
  weapp: {
    title: 'Building the mini-program (WeChat)',
    inputs: ['miniapp/src', 'miniapp/config', 'miniapp/babel.config.js', 'miniapp/project.config.json', 'miniapp/package.json', 'shared/src', 'package-lock.json'],
    output: 'miniapp/dist/weapp',
    command: ['run', 'build:weapp', '-w', 'miniapp'],
  },
};

/** Rebuilds a front end only when its sources changed since the build in its dist folder. */
export function ensureBuilt(name, { force = false } = {}) {
  const build = BUILDS[name];
  const marker = path.join(repoRoot, build.output, '.source-hash');
  const sourceHash = hashFiles(build.inputs);
  if (!force && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === sourceHash) return;
  step(build.title);
  run(npm, build.command);
  fs.writeFileSync(marker, sourceHash);
}

/**
 * Outside production the start command keeps random local secrets in data/dev-secrets.json
 * (git-ignored), so sessions and encrypted fields survive restarts.
 */
export function devSecretsEnv(env = process.env) {
  if (env.NODE_ENV === 'production') return {};
  const file = path.join(repoRoot, 'data', 'dev-secrets.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secrets = { SESSION_SECRET: randomBytes(32).toString('base64'), ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  const secrets = JSON.parse(fs.readFileSync(file, 'utf8'));
  return {
    SESSION_SECRET: env.SESSION_SECRET ?? secrets.SESSION_SECRET,
    ENCRYPTION_KEY: env.ENCRYPTION_KEY ?? secrets.ENCRYPTION_KEY,
  };
}

/** Debian's Chromium and a CJK font for the browser tests; installed with apt when running as root. */
export function ensureChromium() {
  if (fs.existsSync('/usr/bin/chromium') && fs.existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc')) return;
  if (process.getuid?.() !== 0) {
    throw new Error('Browser tests need Debian packages chromium and fonts-wqy-microhei: sudo apt-get install chromium fonts-wqy-microhei');
  }
  step('Installing Chromium and a Chinese font (apt-get)');
  run('apt-get', ['update', '-q']);
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium', 'fonts-wqy-microhei'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
