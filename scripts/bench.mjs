// `npm run bench`: installs what is missing, then runs each benchmark in tests/bench and writes its
// report to tests/bench/results/.
import fs from 'node:fs';
import path from 'node:path';
import { ensureInstalled, repoRoot, run, step } from './lib/prepare.mjs';

ensureInstalled();
const benchDir = path.join(repoRoot, 'tests/bench');
for (const file of fs.readdirSync(benchDir).filter((name) => name.endsWith('.bench.ts')).sort()) {
  step(`Benchmark ${file}`);
  run(process.execPath, ['--import', 'tsx', path.join(benchDir, file)]);
}
