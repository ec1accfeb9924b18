#!/usr/bin/env node
/**
 * Run after `taro build --type weapp`. Fails (exit 1) when the main package or a subpackage is over
 * WeChat's limits as budgeted by us, when the WeChat AppSecret appears in any built file (the
 * secret lives only on the server), or when the WeChat build still calls the dev-only fake WeChat.
 *
 *   node miniapp/scripts/check-weapp-package.mjs [distDir]   (default: miniapp/dist/weapp)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN_BUDGET = 1_572_864; // 1.5 MB: our budget under WeChat's 2 MB main-package limit
const SUBPACKAGE_LIMIT = 2_097_152; // 2 MB: WeChat's limit per subpackage
const DEV_APP_SECRET = 'dev-wechat-app-secret-not-for-production';

const miniappDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.resolve(process.argv[2] ?? path.join(miniappDir, 'dist', 'weapp'));

function fail(message) {
  console.error(`✗ ${message}`);
  process.exitCode = 1;
}

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

function formatBytes(bytes) {
  return `${bytes.toLocaleString('en-US')} B (${(bytes / 1024).toFixed(1)} KiB)`;
}

const appJsonPath = path.join(distDir, 'app.json');
if (!fs.existsSync(appJsonPath)) {
  console.error(`✗ ${appJsonPath} not found: run \`npm run build:weapp -w miniapp\` first.`);
  process.exit(1);
}

const appJson = JSON.parse(fs.readFileSync(appJsonPath, 'utf8'));
const subpackageRoots = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])].map((sub) =>
  sub.root.replace(/^\/+|\/+$/g, ''),
);

const files = listFiles(distDir).map((file) => ({
  relative: path.relative(distDir, file).split(path.sep).join('/'),
  size: fs.statSync(file).size,
}));

const sizes = new Map([['(main)', 0], ...subpackageRoots.map((root) => [root, 0])]);
for (const file of files) {
  const root = subpackageRoots.find((candidate) => file.relative.startsWith(`${candidate}/`)) ?? '(main)';
  sizes.set(root, sizes.get(root) + file.size);
}

console.log(`WeChat package sizes in ${path.relative(process.cwd(), distDir) || '.'}:`);
for (const [root, size] of sizes) {
  const limit = root === '(main)' ? MAIN_BUDGET : SUBPACKAGE_LIMIT;
  console.log(`  ${root.padEnd(28)} ${formatBytes(size).padStart(26)}   limit ${formatBytes(limit)}`);
  if (size > limit) fail(`${root} is ${formatBytes(size)}, over ${formatBytes(limit)}`);
}
const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
console.log(`  ${'(total)'.padEnd(28)} ${formatBytes(total).padStart(26)}`);

// The dev secret is always checked; the real one only when this shell has it.
const secrets = [DEV_APP_SECRET, process.env.WECHAT_APP_SECRET].filter(
  (secret, index, all) => typeof secret === 'string' && secret.length >= 8 && all.indexOf(secret) === index,
);
const scanDirs = [distDir, path.join(path.dirname(distDir), 'h5')].filter((dir) => fs.existsSync(dir));
let leaks = 0;
for (const dir of scanDirs) {
  for (const file of listFiles(dir)) {
    const content = fs.readFileSync(file);
    for (const secret of secrets) {
      if (content.includes(secret)) {
        leaks += 1;
        const which = secret === DEV_APP_SECRET ? 'the development AppSecret' : 'WECHAT_APP_SECRET';
        fail(`${which} appears in ${path.relative(process.cwd(), file)}`);
      }
    }
  }
}
if (leaks === 0) {
  const checked = process.env.WECHAT_APP_SECRET
    ? 'WECHAT_APP_SECRET and the development AppSecret'
    : 'the development AppSecret; WECHAT_APP_SECRET is not set';
  const folders = scanDirs.map((dir) => path.relative(process.cwd(), dir) || '.').join(', ');
  console.log(`✓ no AppSecret in built files (${checked}; searched ${folders})`);
}

// Only the H5 build may ask the development fake WeChat server for codes.
const devOnly = files.filter((file) => fs.readFileSync(path.join(distDir, file.relative)).includes('/fake-wechat/'));
devOnly.forEach((file) => fail(`${file.relative} calls the development fake WeChat server (/fake-wechat/)`));
if (devOnly.length === 0) console.log('✓ no calls to the development fake WeChat server');

if (process.exitCode) console.error('Package check failed.');
else console.log('✓ package sizes within limits');
