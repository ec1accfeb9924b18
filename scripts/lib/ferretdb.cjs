// Builds and runs the embedded database: FerretDB v1.24.2 with its SQLite backend.
// Plain CommonJS so the start script (before any npm install) and the test setup share it.
const { spawn, spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
const FERRETDB_VERSION = 'v1.24.2';
const repoRoot = path.resolve(__dirname, '../..');
const toolsDir = path.join(repoRoot, '.tools', 'ferretdb');
const patchesDir = path.join(repoRoot, 'server', 'embedded-db', 'patches');

/** The project's own patches on the release, in the order they apply (see each file's header). */
function patchFiles() {
  return fs
    .readdirSync(patchesDir)
    .filter((name) => name.endsWith('.patch'))
    .sort()
    .map((name) => path.join(patchesDir, name));
}

/**
 * The binary's name carries the patch set's hash, so a changed patch builds a new binary. The
 * release as published (`patched: false`) is built only for the benchmark's comparison.
 */
function binaryPath(patched) {
  if (!patched) return path.join(toolsDir, `ferretdb-${FERRETDB_VERSION}-stock`);
  const hash = createHash('sha256');
  for (const file of patchFiles()) hash.update(path.basename(file)).update(fs.readFileSync(file));
  return path.join(toolsDir, `ferretdb-${FERRETDB_VERSION}-${hash.digest('hex').slice(0, 12)}`);
}

const PATCHED_BINARY = /^ferretdb-v[\d.]+-[0-9a-f]{12}$/;

class EmbeddedDbError extends Error {}

function hasGo() {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new EmbeddedDbError(`${command} ${args.join(' ')} failed:\n${result.stderr || result.stdout || result.error}`);
  }
  return result.stdout;
}

/**
 * Returns the FerretDB binary, building it on first use. `go install …@v1.24.2` cannot be used as
 * is: it needs the module's version list from the proxy, the released source leaves
 * build/version/version.txt to be generated, and the project's patches must be applied. So the exact
 * release is fetched with `go mod download`, copied, given its version file and the patches (with
 * `git apply` in a repository of its own, since the copy lies inside this one), and built with its
 * own go.mod and go.sum.
 */
function ensureFerretdb(log = console.log, { patched = true } = {}) {
  const binary = binaryPath(patched);
  if (fs.existsSync(binary)) return binary;
  if (!hasGo()) {
    throw new EmbeddedDbError(
      '没有找到 Go，无法构建内置数据库 FerretDB。请安装 Go 1.21 以上版本（https 代理可访问 Go 模块代理），' +
        '或者设置 MONGODB_URI 指向一个 MongoDB 6.0+ 数据库。',
    );
  }
  log(`Building FerretDB ${FERRETDB_VERSION}${patched ? " with the project's patches" : ' as released'} (first start only, about two minutes)…`);
  const info = JSON.parse(run('go', ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`]));
  const sourceDir = path.join(toolsDir, 'src');
  fs.rmSync(sourceDir, { recursive: true, force: true });
  fs.mkdirSync(toolsDir, { recursive: true });
  fs.cpSync(info.Dir, sourceDir, { recursive: true });
  spawnSync('chmod', ['-R', 'u+w', sourceDir]);
  fs.writeFileSync(path.join(sourceDir, 'build/version/version.txt'), `${FERRETDB_VERSION}\n`);
  run('git', ['init', '-q'], { cwd: sourceDir });
  for (const patch of patched ? patchFiles() : []) {
    const applied = spawnSync('git', ['apply', '--whitespace=nowarn', patch], { cwd: sourceDir, encoding: 'utf8' });
    if (applied.status !== 0) {
      throw new EmbeddedDbError(
        `FerretDB patch ${path.relative(repoRoot, patch)} does not apply to ${FERRETDB_VERSION}; fix or drop it:\n${applied.stderr}`,
      );
    }
  }
  const partial = `${binary}.partial`;
  run('go', ['build', '-trimpath', '-o', partial, './cmd/ferretdb'], {
    cwd: sourceDir,
    env: { ...process.env, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
  });
  fs.renameSync(partial, binary);
  // A build of an earlier patch set is not needed again.
  for (const name of fs.readdirSync(toolsDir)) {
    if (patched && PATCHED_BINARY.test(name) && name !== path.basename(binary)) fs.rmSync(path.join(toolsDir, name), { force: true });
  }
  fs.rmSync(sourceDir, { recursive: true, force: true });
  return binary;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Claims the data folder for one FerretDB process: updates are atomic only within the process that
 * owns the files (the project's patch 3), so a second one must never open them. The lock file holds
 * the owner's pid; a lock whose process is gone is taken over.
 */
function lockDataDir(dataDir) {
  const lockFile = path.join(dataDir, 'ferretdb.pid');
  for (;;) {
    try {
      const fd = fs.openSync(lockFile, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const owner = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
      if (owner && isRunning(owner)) {
        throw new EmbeddedDbError(`内置数据库的数据目录 ${dataDir} 正由另一个进程（pid ${owner}）使用；请先停止它，或者换一个 EMBEDDED_DB_DIR。`);
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  return {
    owner: (pid) => fs.writeFileSync(lockFile, String(pid)),
    release: (pid) => {
      if (fs.existsSync(lockFile) && fs.readFileSync(lockFile, 'utf8') === String(pid)) fs.rmSync(lockFile, { force: true });
    },
  };
}

/**
 * Starts FerretDB on 127.0.0.1 with its data in `dataDir` and resolves once it accepts connections.
 * `stop()` ends it gracefully (SIGTERM, then SIGKILL after 10 s). `extraArgs` are added to its
 * command line (the differential test adds `--test-disable-pushdown`); `patched: false` runs the
 * release as published (the benchmark's comparison).
 */
async function startFerretdb({ dataDir, port, log = console.log, extraArgs = [], patched = true }) {
  const binary = ensureFerretdb(log, { patched });
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = lockDataDir(dataDir);
  const listenPort = port || (await freePort());
  const logFile = fs.openSync(path.join(dataDir, 'ferretdb.log'), 'a');
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--listen-addr=127.0.0.1:${listenPort}`,
      `--state-dir=${dataDir}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=warn',
      ...extraArgs,
    ],
    // FerretDB's live heap is a few megabytes, so at Go's default GOGC=100 it collects garbage after
    // every few megabytes allocated. 400 lets the heap grow to five times the live data between
    // collections: finds by _id at 50 connections went from ~1,800 to ~2,700 a second, for ~25 MB.
    { stdio: ['ignore', logFile, logFile], env: { ...process.env, GOGC: '400' } },
  );
  lock.owner(child.pid);
  fs.closeSync(logFile);
  let exited = null;
  const exit = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      lock.release(child.pid);
      resolve((exited = { code, signal }));
    }),
  );

  const deadline = Date.now() + 30_000;
  while (!(await canConnect(listenPort))) {
    if (exited) throw new EmbeddedDbError(`FerretDB exited (${JSON.stringify(exited)}); see ${dataDir}/ferretdb.log`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new EmbeddedDbError(`FerretDB did not answer on port ${listenPort} within 30 s; see ${dataDir}/ferretdb.log`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    uri: `mongodb://127.0.0.1:${listenPort}/`,
    port: listenPort,
    pid: child.pid,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

module.exports = { ensureFerretdb, startFerretdb, freePort, EmbeddedDbError, FERRETDB_VERSION };
