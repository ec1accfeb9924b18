// Builds and runs the embedded database: FerretDB v1.24.2 with its SQLite backend.
// Plain CommonJS so the start script (before any npm install) and the test setup share it.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
const FERRETDB_VERSION = 'v1.24.2';
const repoRoot = path.resolve(__dirname, '../..');
const toolsDir = path.join(repoRoot, '.tools', 'ferretdb');
const binaryPath = path.join(toolsDir, `ferretdb-${FERRETDB_VERSION}`);

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
 * is: it needs the module's version list from the proxy, and the released source leaves
 * build/version/version.txt to be generated. So the exact release is fetched with `go mod
 * download`, copied, given its version file, and built with its own go.mod and go.sum.
 */
function ensureFerretdb(log = console.log) {
  if (fs.existsSync(binaryPath)) return binaryPath;
  if (!hasGo()) {
    throw new EmbeddedDbError(
      '没有找到 Go，无法构建内置数据库 FerretDB。请安装 Go 1.21 以上版本（https 代理可访问 Go 模块代理），' +
        '或者设置 MONGODB_URI 指向一个 MongoDB 6.0+ 数据库。',
    );
  }
  log(`Building FerretDB ${FERRETDB_VERSION} (first start only, about two minutes)…`);
  const info = JSON.parse(run('go', ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`]));
  const sourceDir = path.join(toolsDir, 'src');
  fs.rmSync(sourceDir, { recursive: true, force: true });
  fs.mkdirSync(toolsDir, { recursive: true });
  fs.cpSync(info.Dir, sourceDir, { recursive: true });
  spawnSync('chmod', ['-R', 'u+w', sourceDir]);
  fs.writeFileSync(path.join(sourceDir, 'build/version/version.txt'), `${FERRETDB_VERSION}\n`);
  const partial = `${binaryPath}.partial`;
  run('go', ['build', '-trimpath', '-o', partial, './cmd/ferretdb'], {
    cwd: sourceDir,
    env: { ...process.env, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
  });
  fs.renameSync(partial, binaryPath);
  fs.rmSync(sourceDir, { recursive: true, force: true });
  return binaryPath;
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

/**
 * Starts FerretDB on 127.0.0.1 with its data in `dataDir` and resolves once it accepts connections.
 * `stop()` ends it gracefully (SIGTERM, then SIGKILL after 10 s).
 */
async function startFerretdb({ dataDir, port, log = console.log }) {
  const binary = ensureFerretdb(log);
  fs.mkdirSync(dataDir, { recursive: true });
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
    ],
    { stdio: ['ignore', logFile, logFile] },
  );
  fs.closeSync(logFile);
  let exited = null;
  const exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exited = { code, signal }))));

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
