/**
 * Jobs benchmark at one county's scale on the embedded database with the project's patches:
 * 2,000 job postings and 23,000 residents. The residents' posting list at 50 connections beside
 * the same queries through the bare driver, and a job fair's sign-up burst: 1,000 residents at the
 * same moment for 500 places (tickets issued per second, never over capacity, none lost). Run with
 * `npm run bench`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient, ObjectId, type Db, type Document } from 'mongodb';
import { addDays, chinaDate, JOB_CATEGORIES, type DivisionNode } from '@anqian/shared';
import { buildEmployerBody, buildPostingBody } from '../../server/src/modules/jobs/job-test-helpers';
import { consentedResident, driverLoad, loadPaths, staffSession, type Row, startBenchProduct } from './bench-kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startFerretdb } = require('../../scripts/lib/ferretdb.cjs');

const POSTINGS = 2_000;
const RESIDENTS = 23_000;
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const BURST = 1_000;
const PLACES = 500;
const resultsDir = path.join(__dirname, 'results');

type Session = Awaited<ReturnType<typeof staffSession>>;

async function send(baseUrl: string, session: Session, method: string, url: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

/**
 * One posting made and published through the API, then copied straight into the collection with
 * the fields the list filters and sorts on varied, so every copy is stored as the server stores it.
 */
async function seedPostings(db: Db, baseUrl: string, hr: Session, county: DivisionNode) {
  const today = chinaDate();
  const employer = await send(baseUrl, hr, 'POST', '/api/employers', buildEmployerBody());
  const draft = await send(baseUrl, hr, 'POST', '/api/job-postings', buildPostingBody({ clock: { today: () => today }, county }, employer.id));
  await send(baseUrl, hr, 'POST', `/api/job-postings/${draft.id}/publish`);
  const postings = db.collection('job_postings');
  const model = (await postings.findOne({ _id: new ObjectId(draft.id) }))!;
  const townships = county.children.map((township) => township.code);
  const started = performance.now();
  for (let start = 1; start < POSTINGS; start += 500) {
    const docs: Document[] = [];
    for (let i = start; i < Math.min(POSTINGS, start + 500); i += 1) {
      const minYuan = 2000 + (i % 30) * 100;
      const township = townships[i % townships.length];
      docs.push({
        ...model,
        _id: new ObjectId(),
        title: `${['家政服务员', '电商客服', '钢筋工', '养殖工', '种植技术员', '普工', '保洁员', '仓库管理员'][i % 8]} ${i}`,
        category: JOB_CATEGORIES[i % JOB_CATEGORIES.length],
        pay: { kind: 'monthly', minYuan, maxYuan: minYuan + 1500 },
        payFloor: minYuan,
        foodAndLodging: (['both', 'food', 'lodging', 'none'] as const)[i % 4],
        workplace: i % 5 === 0 ? { kind: 'outside', divisionCode: null, townshipCode: null, province: '广东省', city: '东莞市' } : { kind: 'county', divisionCode: township, townshipCode: township, province: null, city: null },
        closingDate: addDays(today, 10 + (i % 60)),
        publishedAt: new Date(Date.now() - i * 60_000),
      });
    }
    await postings.insertMany(docs, { ordered: false });
  }
  return { townships, seedSeconds: Number(((performance.now() - started) / 1000).toFixed(1)) };
}

/**
 * 23,000 residents copied from one who signed in and agreed to the privacy notice; the first
 * `BURST` get a session each (stored as the server stores one) for the sign-up burst.
 */
async function seedResidents(db: Db, baseUrl: string) {
  const { residentId } = await consentedResident(baseUrl, '10.20.0.1');
  const model = (await db.collection('residents').findOne({ _id: new ObjectId(residentId) }))!;
  const tokens: string[] = [];
  const now = Date.now();
  for (let start = 0; start < RESIDENTS; start += 1000) {
    const residents: Document[] = [];
    const sessions: Document[] = [];
    for (let i = start; i < Math.min(RESIDENTS, start + 1000); i += 1) {
      const _id = new ObjectId();
      residents.push({ ...model, _id, openid: `bench-jobs-${i}-${randomBytes(3).toString('hex')}` });
      if (i < BURST) {
        const token = randomBytes(32).toString('base64url');
        tokens.push(token);
        const hash = (value: string) => createHash('sha256').update(value).digest('hex');
        sessions.push({
          _id: hash(token),
          refreshHash: hash(`${token}-refresh`),
          residentId: _id.toString(),
          familyId: randomBytes(8).toString('hex'),
          rotatedAt: null,
          accessExpiresAt: new Date(now + 3_600_000),
          refreshExpiresAt: new Date(now + 86_400_000),
        });
      }
    }
    await db.collection('residents').insertMany(residents, { ordered: false });
    if (sessions.length) await db.collection('resident_sessions').insertMany(sessions, { ordered: false });
  }
  return tokens;
}

/** The residents' list as the mini-program asks for it, and the same queries as listForResidents builds them. */
function listMixes(townships: string[]) {
  const open = { status: 'published', closingDate: { $gte: chinaDate() } };
  const newest = { publishedAt: -1, _id: -1 } as const;
  return [
    { path: '/api/resident/job-postings?page=1&pageSize=10', filter: open, sort: newest, skip: 0 },
    { path: '/api/resident/job-postings?category=housekeeping&page=2&pageSize=10', filter: { ...open, category: 'housekeeping' }, sort: newest, skip: 10 },
    { path: '/api/resident/job-postings?sort=pay&minPay=4000&page=1&pageSize=10', filter: { ...open, payFloor: { $gte: 4000 } }, sort: { payFloor: -1, publishedAt: -1, _id: -1 } as const, skip: 0 },
    {
      path: `/api/resident/job-postings?near=township&homeCode=${townships[0]}&foodAndLodging=both&page=1&pageSize=10`,
      filter: { ...open, 'workplace.townshipCode': townships[0], foodAndLodging: 'both' },
      sort: newest,
      skip: 0,
    },
  ];
}

/** `BURST` residents sign up for a fair of `PLACES` places, all at once, each from its own address. */
async function signUpBurst(baseUrl: string, db: Db, hr: Session, tokens: string[]) {
  const fair = await send(baseUrl, hr, 'POST', '/api/job-fairs', {
    title: '压力测试招聘会',
    date: addDays(chinaDate(), 7),
    startTime: '09:00',
    endTime: '12:00',
    venue: '县城安置点综合服务中心',
    organiser: '县人力资源和社会保障局',
    capacity: PLACES,
    description: '一千人同时报名五百个名额',
  });
  await send(baseUrl, hr, 'POST', `/api/job-fairs/${fair.id}/publish`);
  const statuses = new Map<number, number>();
  const started = performance.now();
  await Promise.all(
    tokens.map(async (token, i) => {
      const response = await fetch(`${baseUrl}/api/resident/job-fairs/${fair.id}/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-forwarded-for': `10.30.${Math.floor(i / 250)}.${i % 250}` },
        body: JSON.stringify({ name: '搬迁群众' }),
      });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const tickets = statuses.get(201) ?? 0;
  const stored = await db.collection('signups').countDocuments({ eventId: new ObjectId(fair.id), status: 'confirmed' });
  const event = await db.collection('signup_events').findOne({ _id: new ObjectId(fair.id) });
  return {
    residents: tokens.length,
    places: PLACES,
    seconds: Number(seconds.toFixed(1)),
    tickets,
    full: statuses.get(409) ?? 0,
    other: [...statuses].filter(([status]) => status !== 201 && status !== 409).map(([status, count]) => `${status}×${count}`),
    stored,
    lost: tickets - stored,
    overCapacity: Math.max(0, stored - PLACES),
    counter: { taken: event?.taken, remaining: event?.remaining },
    ticketsPerSecond: Math.round(tickets / seconds),
  };
}

type Report = {
  date: string;
  connections: number;
  durationSeconds: number;
  postings: number;
  residents: number;
  seedSeconds: number;
  coldBoardMs: number;
  rows: Row[];
  apiToDriverRatio: number | null;
  burst: Awaited<ReturnType<typeof signUpBurst>>;
};

function writeReport(report: Report) {
  writeFileSync(path.join(resultsDir, 'jobs.json'), JSON.stringify(report, null, 2));
  const [api, driver] = report.rows;
  const check = (ok: boolean) => (ok ? 'met' : '**missed**');
  const { burst } = report;
  const markdown = [
    `# Jobs benchmark (${report.date})`,
    '',
    `Embedded FerretDB (SQLite) with the project's patches, one server process, on this shared 2-core machine; ${report.postings.toLocaleString('en')} postings and ${report.residents.toLocaleString('en')} residents. The residents' posting list (4 filter mixes in turn, no sign-in) runs at ${report.connections} connections for ${report.durationSeconds} s, then the same queries (page and count) through the bare driver at the same concurrency.`,
    '',
    '| what | req/s | p50 ms | p99 ms | answered | errors |',
    '|---|---:|---:|---:|---:|---:|',
    ...report.rows.map((row) => `| ${row.name} | ${row.rps} | ${row.p50} | ${row.p99} | ${row.requests} | ${row.errors} |`),
    '',
    `API list / bare driver throughput: ${report.apiToDriverRatio ?? '–'}.`,
    '',
    `Sign-up burst: ${burst.residents} residents at once for ${burst.places} places: ${burst.tickets} tickets, ${burst.full} told 「已满」${burst.other.length ? `, other answers ${burst.other.join(', ')}` : ''}; ${burst.stored} stored (lost ${burst.lost}, over capacity ${burst.overCapacity}); the fair's counter says taken ${burst.counter.taken}, remaining ${burst.counter.remaining}. Finished in ${burst.seconds} s, ${burst.ticketsPerSecond} tickets a second.`,
    '',
    '| target | measured | |',
    '|---|---|---|',
    `| resident posting list p99 < 100 ms at ${report.connections} connections | ${api.p99} ms | ${check(api.requests > 0 && api.p99 < 100 && api.errors === 0)} |`,
    `| sign-up burst of ${burst.residents} finished within 10 s, exactly ${burst.places} tickets, none lost | ${burst.seconds} s, ${burst.tickets} tickets, lost ${burst.lost} | ${check(burst.seconds <= 10 && burst.tickets === burst.places && burst.lost === 0)} |`,
    '',
    `The API answers the list from the job board it holds in memory (\`server/src/modules/jobs/posting-board.ts\`): the change tokens per request (one read of all of them, shared by the requests arriving while it is on its way), then filtering, sorting and paging in the process. The first list after a posting or an employer changes loads the board again: ${report.coldBoardMs} ms for ${report.postings.toLocaleString('en')} postings in this run, before the load started. The bare driver asks the database for the same page and count (p99 ${driver.p99} ms): FerretDB sorts and counts the matching postings itself in Go, which is what the board avoids.`,
    '',
  ].join('\n');
  writeFileSync(path.join(resultsDir, 'jobs.md'), markdown);
  console.log(markdown);
}

async function main() {
  const dataDir = path.join(tmpdir(), `anqian-bench-jobs-${process.pid}`);
  const db = await startFerretdb({ dataDir, log: () => undefined, patched: true });
  const dbName = 'bench_jobs';
  const product = await startBenchProduct({ MONGODB_URI: db.uri, MONGODB_DB: dbName, TRUST_PROXY: 'true' });
  const client = await MongoClient.connect(db.uri, { maxPoolSize: CONNECTIONS });
  const database = client.db(dbName);
  try {
    const county = (await (await fetch(`${product.baseUrl}/api/divisions`)).json()) as DivisionNode;
    const hr = await staffSession(product.baseUrl, 'hr_staff');
    const seedStarted = performance.now();
    const { townships } = await seedPostings(database, product.baseUrl, hr, county);
    const tokens = await seedResidents(database, product.baseUrl);
    const seedSeconds = Number(((performance.now() - seedStarted) / 1000).toFixed(1));
    const mixes = listMixes(townships);
    const postings = database.collection('job_postings');
    // The first list after a change loads the board; the load below measures lists of a warm board.
    const coldStarted = performance.now();
    await (await fetch(`${product.baseUrl}${mixes[0].path}`)).arrayBuffer();
    const coldBoardMs = Math.round(performance.now() - coldStarted);
    const rows = [
      await loadPaths('GET /api/resident/job-postings (4 filter mixes)', product.baseUrl, mixes.map((mix) => mix.path), { connections: CONNECTIONS, seconds: DURATION_S }),
      await driverLoad(
        'the same queries through the MongoDB driver (page + count)',
        (i) => {
          const { filter, sort, skip } = mixes[i % mixes.length];
          return Promise.all([postings.find(filter).sort(sort).skip(skip).limit(10).toArray(), postings.countDocuments(filter)]);
        },
        { connections: CONNECTIONS, seconds: DURATION_S },
      ),
    ];
    const burst = await signUpBurst(product.baseUrl, database, hr, tokens);
    writeReport({
      date: new Date().toISOString(),
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
      postings: await postings.countDocuments(),
      residents: await database.collection('residents').countDocuments(),
      seedSeconds,
      coldBoardMs,
      rows,
      apiToDriverRatio: rows[1].rps > 0 ? Number((rows[0].rps / rows[1].rps).toFixed(2)) : null,
      burst,
    });
  } finally {
    await client.close();
    await product.stop();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
