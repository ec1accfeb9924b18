// `npm test`: everything CI checks, in order: lint, typecheck, front-end builds with the weapp
// package checks, then every jest project (shared, server, miniapp simulator, browser tests).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ensureBuilt, ensureChromium, ensureInstalled, run, step } from './lib/prepare.mjs';

const require = createRequire(import.meta.url);
const { ensureFerretdb } = require('./lib/ferretdb.cjs');
const jestArgs = process.argv.slice(2);

function summarize(resultsFile) {
  if (!fs.existsSync(resultsFile)) return null;
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  return { passed: results.numPassedTests, failed: results.numFailedTests + results.numRuntimeErrorTestSuites };
}

let exitCode = 0;
const resultsFile = path.join(os.tmpdir(), `anqian-jest-${process.pid}.json`);
try {
  ensureInstalled();
  if (!process.env.MONGODB_URI) ensureFerretdb((line) => step(line));
  ensureChromium();
  step('Lint');
  run('npx', ['eslint', '.']);
  step('Type-check');
  run('npm', ['run', 'typecheck', '--workspaces', '--if-present']);
  ensureBuilt('admin');
  ensureBuilt('weapp');
  step('Checking the WeChat package (size budget, no AppSecret)');
  run('node', ['miniapp/scripts/check-weapp-package.mjs']);
  ensureBuilt('h5');
  step('Tests (jest: shared, server, miniapp, e2e)');
  // --forceExit: a suite that times out mid-setup can leave a socket open, and CI must not hang on it.
  run('npx', ['jest', '--ci', '--forceExit', '--json', `--outputFile=${resultsFile}`, ...jestArgs]);
} catch (error) {
  console.error(`\n${error.message}`);
  exitCode = error.exitCode ?? 1;
} finally {
  const summary = summarize(resultsFile);
  fs.rmSync(resultsFile, { force: true });
  if (summary) console.log(`\ntests: ${summary.passed} passed, ${summary.failed} failed`);
  else console.log('\ntests: 0 passed, 1 failed');
}
process.exit(exitCode);
