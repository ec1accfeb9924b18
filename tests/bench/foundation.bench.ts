/**
 * Foundation benchmark: GET /api/health and a typical authenticated read (the staff list as a
 * county admin) at 50 connections, beside the same query done straight through the MongoDB driver
 * in the same run, and the server's RSS afterwards. Run with `npm run bench`.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { MongoClient } from 'mongodb';
import { startBenchProduct } from './bench-kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startFerretdb } = require('../../scripts/lib/ferretdb.cjs');

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const resultsDir = path.join(__dirname, 'results');

type Row = { name: string; rps: number; p50: number; p99: number; requests: number; errors: number };

async function load(name: string, url: string, headers: Record<string, string> = {}): Promise<Row> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  return {
    name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
  };
}

/** The staff list's query (one page plus the count), issued by 50 concurrent loops for the same time. */
async function driverLoad(uri: string, dbName: string): Promise<Row> {
  const client = await MongoClient.connect(uri, { maxPoolSize: CONNECTIONS });
  const staff = client.db(dbName).collection('staff_users');
  const latencies: number[] = [];
  const deadline = Date.now() + DURATION_S * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < deadline) {
        const started = performance.now();
        const filter = { divisionCode: { $regex: '^532329' } };
        await Promise.all([staff.find(filter).sort({ createdAt: -1, _id: -1 }).limit(20).toArray(), staff.countDocuments(filter)]);
        latencies.push(performance.now() - started);
      }
    }),
  );
  await client.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
  return { name: 'staff list query via MongoDB driver', rps: Math.round(latencies.length / DURATION_S), p50: at(0.5), p99: at(0.99), requests: latencies.length, errors: 0 };
}

const rssMb = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);

async function main() {
  const dataDir = path.join(tmpdir(), `anqian-bench-${process.pid}`);
  const db = await startFerretdb({ dataDir, log: () => undefined });
  const dbName = 'bench';
  const product = await startBenchProduct({ MONGODB_URI: db.uri, MONGODB_DB: dbName });
  try {
    const login = await fetch(`${product.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'county_admin', password: 'Anqian@2026' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const rssBefore = rssMb(product.pid);
    const rows = [
      await load('GET /api/health', `${product.baseUrl}/api/health`),
      await load('GET /api/staff (county admin, 20 per page)', `${product.baseUrl}/api/staff?page=1&pageSize=20`, { cookie }),
      await driverLoad(db.uri, dbName),
    ];
    const report = { date: new Date().toISOString(), connections: CONNECTIONS, durationSeconds: DURATION_S, rows, serverRssMb: { before: rssBefore, after: rssMb(product.pid) } };
    const ratio = rows[1].rps / rows[2].rps;
    const markdown = [
      `# Foundation benchmark (${report.date})`,
      '',
      `${CONNECTIONS} connections, ${DURATION_S} s each, embedded FerretDB (SQLite), one server process, same machine.`,
      '',
      '| what | req/s | p50 ms | p99 ms | requests | errors |',
      '|---|---:|---:|---:|---:|---:|',
      ...rows.map((r) => `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.errors} |`),
      '',
      `API staff list / bare driver query throughput: ${ratio.toFixed(2)}`,
      `Server RSS: ${report.serverRssMb.before} MB before, ${report.serverRssMb.after} MB after the run.`,
      '',
    ].join('\n');
    writeFileSync(path.join(resultsDir, 'foundation.json'), JSON.stringify({ ...report, apiToDriverRatio: ratio }, null, 2));
    writeFileSync(path.join(resultsDir, 'foundation.md'), markdown);
    console.log(markdown);
  } finally {
    await product.stop();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
