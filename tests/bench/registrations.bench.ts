/**
 * Registration benchmark at one county's scale (6,500 households, ~23,000 people) and ten times
 * that: filtered list p50/p99 at 20 connections beside the same query through the bare driver,
 * detail p99, resident submissions per second with nothing lost, full-ledger export time and peak
 * server RSS, and the import time of a 6,500-row ledger. Run with `npm run bench`.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { MongoClient, ObjectId, type Db } from 'mongodb';
import { divisionPrefix, householdSchema, wishesSchema, withCheckDigit, type DivisionNode } from '@anqian/shared';
import { createFieldCrypto } from '../../server/src/security/field-crypto';
import { householdRecord } from '../../server/src/modules/registrations/household-record';
import type { RegistrationRecord } from '../../server/src/modules/registrations/registration.model';
import { summaryOf } from '../../server/src/modules/registrations/registration-summary.model';
import { buildHouseholdInput, buildIdNumber } from '../../server/test/factories';
import { startProduct } from '../e2e/product';
import { buildLedgerFile } from './ledger-file';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startFerretdb } = require('../../scripts/lib/ferretdb.cjs');

const COUNTY_HOUSEHOLDS = 6_500;
const LIST_CONNECTIONS = 20;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
/** The list's load runs longer: on the embedded database one answer takes seconds once requests queue. */
const LIST_DURATION_S = Math.max(DURATION_S, 30);
const SUBMISSIONS = 100;
/** Multiples of the county to measure; BENCH_SCALES=1 runs the county's scale only. */
const SCALES = (process.env.BENCH_SCALES ?? '1,10').split(',').map(Number);
/** Rows of the timed ledger import: a whole county's ledger. */
const IMPORT_ROWS = Number(process.env.IMPORT_ROWS ?? COUNTY_HOUSEHOLDS);
const SUBMIT_CONCURRENCY = 20;
const resultsDir = path.join(__dirname, 'results');

/** `drainSeconds`: how long the server still worked on requests the load had left in flight. */
type Row = { name: string; rps: number; p50: number; p99: number; requests: number; errors: number; drainSeconds?: number };

const SURNAMES = '李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['建国', '秀英', '志强', '桂兰', '国华', '玉梅', '春华', '德明', '兰芳', '永福', '小红', '金凤'];
const STATUSES = ['submitted', 'accepted', 'verified', 'publicizing', 'approved', 'returned'] as const;
const WILLINGNESS = ['willing', 'willing', 'willing', 'undecided', 'unwilling'] as const;
const TYPES = ['centralized', 'centralized', 'scattered', 'urban', 'relatives'] as const;
const HAZARDS = ['landslide', 'debris_flow', 'rockfall', 'ground_collapse'] as const;

const villagesOf = (county: DivisionNode) => county.children.flatMap((township) => township.children.map((village) => village.code));

/** A distinct, valid head ID number for every i below 9,000,000: birth date and sequence both come from i. */
function headIdNumber(i: number): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + (i % 18_000) * 86_400_000);
  const date = birth.toISOString().slice(0, 10).replaceAll('-', '');
  return withCheckDigit(`532301${date}${String(Math.floor(i / 18_000) * 2 + 1).padStart(3, '0')}`);
}

/** Household i: a head and 1-5 members (3.5 people on average, as in the county's plan). */
function householdInput(i: number, villages: string[]) {
  const name = (k: number) => SURNAMES[(i + k) % SURNAMES.length] + GIVEN[(i * 7 + k) % GIVEN.length];
  const memberCount = [1, 2, 2, 3, 3, 4, 5][i % 7];
  const input = buildHouseholdInput(villages[i % villages.length], {
    head: { name: name(0), idNumber: headIdNumber(i), phone: `139${String(i).padStart(8, '0')}`, workAbility: 'full', specialStatus: i % 9 === 0 ? ['dibao'] : [] },
    members: Array.from({ length: memberCount }, (_, k) => ({
      name: name(k + 1),
      idNumber: buildIdNumber({ age: 5 + ((i + k * 13) % 70) }),
      relation: k === 0 ? ('spouse' as const) : ('child' as const),
      workAbility: 'full' as const,
      specialStatus: [],
    })),
    hazard: { type: HAZARDS[i % HAZARDS.length] },
  });
  const wishes = { willingness: WILLINGNESS[i % WILLINGNESS.length], resettlementType: TYPES[i % TYPES.length], reasons: '房屋位于隐患点' };
  return { household: householdSchema.parse(input), wishes: wishesSchema.parse(wishes) };
}

/** Inserts households [from, to) straight into the collections, stored exactly as the server stores them. */
async function seed(db: Db, crypto: ReturnType<typeof createFieldCrypto>, villages: string[], from: number, to: number) {
  const collection = db.collection('registrations');
  const summaries = db.collection('registration_summaries');
  for (let start = from; start < to; start += 1000) {
    const docs = [];
    for (let i = start; i < Math.min(to, start + 1000); i += 1) {
      const { household, wishes } = householdInput(i, villages);
      const record = householdRecord(household, crypto);
      const status = STATUSES[i % STATUSES.length];
      const at = new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000);
      docs.push({
        _id: new ObjectId(),
        ...record,
        activeLock: record.householdKey,
        idempotencyKey: `bench:${i}`,
        source: 'import',
        residentId: null,
        enteredBy: null,
        wishes: { ...wishes, preferredSiteId: null },
        status,
        timeline: [{ action: 'submit', from: null, to: 'submitted', at, actor: { kind: 'system', id: null, name: '台账导入', role: null } }],
        notes: [],
        objections: [],
        openObjections: 0,
        noticeId: null,
        noticeEndDate: null,
        assignedSiteId: null,
        submittedAt: at,
        createdAt: at,
        updatedAt: at,
      });
    }
    await collection.insertMany(docs, { ordered: false });
    await summaries.insertMany(docs.map((doc) => summaryOf(doc as unknown as RegistrationRecord)), { ordered: false });
  }
}

async function load(name: string, baseUrl: string, paths: string[], headers: Record<string, string>, duration = DURATION_S): Promise<Row> {
  const result = await autocannon({
    url: baseUrl,
    connections: LIST_CONNECTIONS,
    duration,
    // Slow answers are counted when they come, not dropped at autocannon's default 10 s.
    timeout: 300,
    headers,
    requests: paths.map((p) => ({ method: 'GET' as const, path: p })),
  });
  const drainSeconds = await drain(baseUrl);
  return {
    drainSeconds,
    name,
    rps: Number((result.requests.total / duration).toFixed(1)),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
  };
}

/** Waits until requests left running by a load have finished: three quick health answers in a row. */
async function drain(baseUrl: string): Promise<number> {
  const started = Date.now();
  const deadline = started + 15 * 60_000;
  for (let quick = 0; quick < 3 && Date.now() < deadline; ) {
    const asked = performance.now();
    await fetch(`${baseUrl}/api/health`);
    quick = performance.now() - asked < 300 ? quick + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return Math.round((Date.now() - started) / 1000);
}

/** Each path three times, one request at a time: the latency a single staff member sees. */
async function unloaded(baseUrl: string, paths: string[], headers: Record<string, string>) {
  const latencies: number[] = [];
  for (const p of paths) {
    for (let i = 0; i < 3; i += 1) {
      const started = performance.now();
      const response = await fetch(`${baseUrl}${p}`, { headers });
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
    }
  }
  latencies.sort((a, b) => a - b);
  return { medianMs: Math.round(latencies[Math.floor(latencies.length / 2)]), maxMs: Math.round(latencies.at(-1)!) };
}

/** The database queries behind listPaths, as registrationFilter and registrationSort build them. */
const driverQueries = (township: string): ListQuery[] => [
  { filter: { divisionCode: { $regex: `^${divisionPrefix(township)}` }, status: 'accepted' }, sort: { submittedAt: -1, _id: -1 }, skip: 0 },
  { filter: { 'wishes.willingness': 'willing', 'household.hazard.type': 'landslide' }, sort: { submittedAt: -1, _id: -1 }, skip: 20 },
  { filter: { $or: [{ 'household.head.name': { $regex: '李' } }] }, sort: { updatedAt: -1, _id: -1 }, skip: 0 },
];

/** One list request's database work: its filter, sort and page (see registration-filter.ts). */
type ListQuery = { filter: Record<string, unknown>; sort: Record<string, 1 | -1>; skip: number };

/**
 * The list endpoint's two queries (a page; the per-status counts, from which the total follows)
 * for the same filter mixes, through the bare driver.
 */
async function driverList(db: Db, queries: ListQuery[], name: string): Promise<Row> {
  const collection = db.collection('registration_summaries');
  const latencies: number[] = [];
  const deadline = Date.now() + LIST_DURATION_S * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: LIST_CONNECTIONS }, async () => {
      while (Date.now() < deadline) {
        const { filter, sort, skip } = queries[next++ % queries.length];
        const withoutStatus = Object.fromEntries(Object.entries(filter).filter(([key]) => key !== 'status'));
        const started = performance.now();
        await Promise.all([
          collection.find(filter).sort(sort).skip(skip).limit(20).toArray(),
          collection.aggregate([{ $match: withoutStatus }, { $group: { _id: '$status', count: { $sum: 1 } } }]).toArray(),
        ]);
        // Like autocannon: only what is answered inside the window counts.
        if (Date.now() <= deadline) latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]) : 0);
  return { name, rps: Number((latencies.length / LIST_DURATION_S).toFixed(1)), p50: at(0.5), p99: at(0.99), requests: latencies.length, errors: 0 };
}

const rssMb = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);

async function staffSession(baseUrl: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'county_admin', password: 'Anqian@2026' }),
  });
  const body = (await login.json()) as { csrfToken: string };
  return { cookie: login.headers.get('set-cookie')!.split(';')[0], csrf: body.csrfToken };
}

/** Full ledger export as the county admin: wall time and the server's peak RSS above its level before. */
async function exportLedger(baseUrl: string, pid: number, cookie: string) {
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/registrations/export`, { headers: { cookie } });
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return { status: response.status, seconds: Number(seconds.toFixed(1)), megabytes: Number((bytes / 1e6).toFixed(1)), rssBeforeMb: before, rssPeakMb: peak, rssGrowthMb: peak - before };
}

/** Residents submit concurrently (each from its own client address, as behind a carrier's proxy). */
async function submissions(baseUrl: string, fakeWechat: string, villages: string[], db: Db) {
  const residents = await Promise.all(
    Array.from({ length: SUBMIT_CONCURRENCY }, async (_, k) => {
      const ip = `10.9.${k}.1`;
      const { code } = (await (await fetch(`${fakeWechat}/dev/login-code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: `bench-${k}-${randomBytes(3).toString('hex')}` }) })).json()) as { code: string };
      const login = (await (await fetch(`${baseUrl}/api/resident/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ code }) })).json()) as { accessToken: string; resident: { currentPrivacyVersion: string } };
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${login.accessToken}` };
      await fetch(`${baseUrl}/api/resident/consent`, { method: 'POST', headers: { ...headers, 'x-forwarded-for': ip }, body: JSON.stringify({ version: login.resident.currentPrivacyVersion, sensitive: true }) });
      return { headers, k };
    }),
  );
  const before = await db.collection('registrations').countDocuments({ source: 'resident' });
  let acknowledged = 0;
  let refused = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    residents.map(async ({ headers, k }) => {
      for (;;) {
        const i = next++;
        if (i >= SUBMISSIONS) return;
        const { household, wishes } = householdInput(1_000_000 + i, villages);
        const body = JSON.stringify({ idempotencyKey: `bench-submit-${i}-${randomBytes(4).toString('hex')}`, household, wishes });
        // A fresh client address per request keeps the per-IP submission limit out of the measurement.
        const response = await fetch(`${baseUrl}/api/resident/registrations`, { method: 'POST', headers: { ...headers, 'x-forwarded-for': `10.10.${k}.${i % 250}` }, body });
        if (response.status === 201) acknowledged += 1;
        else refused += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const stored = (await db.collection('registrations').countDocuments({ source: 'resident' })) - before;
  return { attempted: SUBMISSIONS, acknowledged, refused, stored, lost: acknowledged - stored, perSecond: Math.round(acknowledged / seconds) };
}

/** Time until the file is accepted (202) and until the background job has imported every row. */
async function importLedger(baseUrl: string, session: { cookie: string; csrf: string }, villages: string[]) {
  const file = await buildLedgerFile(Array.from({ length: IMPORT_ROWS }, (_, i) => householdInput(2_000_000 + i, villages)));
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), 'ledger.xlsx');
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/registrations/import`, { method: 'POST', headers, body: form });
  const acceptedSeconds = (performance.now() - started) / 1000;
  let job = (await response.json()) as { id: string; status: string; imported: number; rejected: unknown[]; duplicates: unknown[] };
  while (response.status === 202 && job.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 500));
    job = (await (await fetch(`${baseUrl}/api/registration-imports/${job.id}`, { headers })).json()) as typeof job;
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    status: response.status,
    jobStatus: job.status,
    rows: IMPORT_ROWS,
    acceptedSeconds: Number(acceptedSeconds.toFixed(1)),
    seconds: Number(seconds.toFixed(1)),
    imported: job.imported,
    rejected: job.rejected?.length,
    duplicates: job.duplicates?.length,
  };
}

type Scale = { households: number; people: number; seedSeconds: number; listUnloaded: { medianMs: number; maxMs: number }; rows: Row[]; listToDriverRatio: number | null; export: Awaited<ReturnType<typeof exportLedger>> };

function listComparison(scale: Scale): string {
  if (scale.rows.length < 3) return 'Loaded list not run at this scale: one request alone takes the time above, so 20 at once only measure the queue.';
  if (scale.listToDriverRatio === null) return 'API list / bare driver throughput: no ratio, the driver loop answered nothing inside the window.';
  return `API list / bare driver throughput: ${scale.listToDriverRatio}`;
}

/** Rewritten after every phase, so a run stopped part-way still leaves what it measured. */
function writeReport(scales: Scale[], submit?: Awaited<ReturnType<typeof submissions>>, imported?: Awaited<ReturnType<typeof importLedger>>) {
  const report = { date: new Date().toISOString(), listConnections: LIST_CONNECTIONS, durationSeconds: DURATION_S, scales, submissions: submit ?? null, import: imported ?? null };
  writeFileSync(path.join(resultsDir, 'registrations.json'), JSON.stringify(report, null, 2));
  const markdown = [
    `# Registration benchmark (${report.date})`,
    '',
    `Embedded FerretDB (SQLite), one server process, same machine; loads at ${LIST_CONNECTIONS} connections for ${DURATION_S} s (the list and its driver comparison for ${LIST_DURATION_S} s), then waiting until the server has answered everything.`,
    '',
    ...scales.flatMap((s) => [
      `## ${s.households.toLocaleString('en')} households, ${s.people.toLocaleString('en')} people (seeded in ${s.seedSeconds} s)`,
      '',
      '| what | req/s | p50 ms | p99 ms | answered in the window | errors | still busy after the window |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...s.rows.map((r) => `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.errors} | ${r.drainSeconds ?? '–'} s |`),
      '',
      `List, one request at a time (3 filter mixes × 3): median ${s.listUnloaded.medianMs} ms, slowest ${s.listUnloaded.maxMs} ms.`,
      listComparison(s),
      `Full ledger export: HTTP ${s.export.status}, ${s.export.seconds} s, ${s.export.megabytes} MB; server RSS ${s.export.rssBeforeMb} MB before, peak ${s.export.rssPeakMb} MB (+${s.export.rssGrowthMb} MB).`,
      '',
    ]),
    '## Submissions (at county scale)',
    '',
    submit
      ? `${submit.attempted} submissions from ${SUBMIT_CONCURRENCY} residents at once: ${submit.acknowledged} acknowledged (201), ${submit.refused} refused, ${submit.stored} stored, lost ${submit.lost}; ${submit.perSecond} per second.`
      : 'Not reached.',
    '',
    '## Ledger import (at county scale)',
    '',
    imported
      ? `${imported.rows} rows: file accepted (HTTP ${imported.status}) after ${imported.acceptedSeconds} s, background job ${imported.jobStatus} after ${imported.seconds} s; imported ${imported.imported}, rejected ${imported.rejected}, duplicates ${imported.duplicates}.`
      : 'Not reached.',
    '',
    '## Reading it',
    '',
    'The list reads the small registration summaries twice (the page; the per-status counts, which give the total). FerretDB 1.24 decodes every',
    'summary for each, one query at a time, so one list takes over a second at county scale and queued ones wait for each other; the API adds',
    'nothing measurable on top (the ratio to the bare driver running the same queries). Detail, submissions and import go by `_id` and by',
    'inserts, which stay flat with the number of households. MongoDB would serve the list from the declared indexes; it cannot be installed',
    'here to measure. See docs/ARCHITECTURE.md, "Data rules".',
    '',
  ].join('\n');
  writeFileSync(path.join(resultsDir, 'registrations.md'), markdown);
  console.log(markdown);
}

async function main() {
  const dataDir = path.join(tmpdir(), `anqian-bench-reg-${process.pid}`);
  const db = await startFerretdb({ dataDir, log: () => undefined });
  const dbName = 'bench_registrations';
  const encryptionKey = randomBytes(32);
  const product = await startProduct({ MONGODB_URI: db.uri, MONGODB_DB: dbName, ENCRYPTION_KEY: encryptionKey.toString('base64'), TRUST_PROXY: 'true' });
  const client = await MongoClient.connect(db.uri, { maxPoolSize: LIST_CONNECTIONS });
  const database = client.db(dbName);
  try {
    const county = (await (await fetch(`${product.baseUrl}/api/divisions`)).json()) as DivisionNode;
    const villages = villagesOf(county);
    const township = county.children[0].code;
    const crypto = createFieldCrypto(encryptionKey);
    const session = await staffSession(product.baseUrl);
    const headers = { cookie: session.cookie };
    // The county admin's list: no area filter; these paths and driverQueries() are the same three lists.
    const listPaths = [
      `/api/registrations?divisionCode=${township}&status=accepted&page=1&pageSize=20`,
      `/api/registrations?willingness=willing&hazardType=landslide&page=2&pageSize=20`,
      `/api/registrations?q=${encodeURIComponent('李')}&sort=-updatedAt&page=1&pageSize=20`,
    ];
    const scales: Scale[] = [];
    let submit: Awaited<ReturnType<typeof submissions>> | undefined;
    let imported: Awaited<ReturnType<typeof importLedger>> | undefined;
    let seeded = 0;
    for (const households of SCALES.map((times) => COUNTY_HOUSEHOLDS * times)) {
      const countyScale = households === COUNTY_HOUSEHOLDS;
      const seedStart = performance.now();
      await seed(database, crypto, villages, seeded, households);
      const seedSeconds = Number(((performance.now() - seedStart) / 1000).toFixed(1));
      seeded = households;
      const people = (await database.collection('registrations').aggregate([{ $group: { _id: null, n: { $sum: '$memberCount' } } }]).toArray())[0].n as number;
      const ids = (await database.collection('registrations').find({}, { projection: { _id: 1 } }).limit(200).toArray()).map((d) => d._id.toString());
      const listUnloaded = await unloaded(product.baseUrl, listPaths, headers);
      // At ten times the county the loaded list only measures FerretDB's queue (see the report).
      const rows = countyScale
        ? [
            await load('GET /api/registrations (3 filter mixes)', product.baseUrl, listPaths, headers, LIST_DURATION_S),
            await driverList(database, driverQueries(township), 'the same queries through the MongoDB driver'),
          ]
        : [];
      rows.push(await load('GET /api/registrations/:id (200 households)', product.baseUrl, ids.map((id) => `/api/registrations/${id}`), headers));
      const exported = await exportLedger(product.baseUrl, product.pid, session.cookie);
      scales.push({ households, people, seedSeconds, listUnloaded, rows, listToDriverRatio: countyScale && rows[1].rps > 0 ? Number((rows[0].rps / rows[1].rps).toFixed(2)) : null, export: exported });
      writeReport(scales, submit, imported);
      if (countyScale) {
        submit = await submissions(product.baseUrl, `${product.baseUrl}/fake-wechat`, villages, database);
        console.log('submissions', submit);
        imported = await importLedger(product.baseUrl, session, villages);
        seeded = await database.collection('registrations').countDocuments();
        writeReport(scales, submit, imported);
      }
    }
  } finally {
    await client.close();
    await product.stop();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
