/**
 * Announcements benchmark at one county's scale on the embedded database with the project's
 * patches: 23,000 residents spread over the county's villages, each with a hazard-alert acceptance
 * banked. The residents' announcement list at 50 connections beside the same queries through the
 * bare driver, then a county-wide 地质灾害预警: how long until every message is queued (the publish
 * request answers only then) and how much the server's memory grows. Run with `npm run bench`;
 * BENCH_RESIDENTS and BENCH_SECONDS shrink it for a quick check.
 */
import { createHash, randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { MongoClient, ObjectId, type Db, type Document } from 'mongodb';
import { PRIVACY_NOTICE, type DivisionNode } from '@anqian/shared';
import { startFakeWechatServer } from '../../server/src/dev/fake-wechat/fake-wechat-app';
import { bumpChangeToken, drain, driverLoad, loadPaths, rssMb, staffSession, type Row, startBenchProduct } from './bench-kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startFerretdb } = require('../../scripts/lib/ferretdb.cjs');

const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 23_000);
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
/** Residents whose sessions the list load rotates through. */
const LIST_RESIDENTS = 200;
/** Residents opening announcements while the list load runs: first openings write receipts and bump their change token. */
const OPENINGS_PER_SECOND = 10;
const COUNTY_ANNOUNCEMENTS = 20;
const PER_TOWNSHIP = 8;
const PER_VILLAGE = 1;
const resultsDir = path.join(__dirname, 'results');

type Session = Awaited<ReturnType<typeof staffSession>>;

async function send(baseUrl: string, session: Session, method: string, url: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; alert: { queued: number; queuedAt: string | null } | null };
}

const hash = (value: string) => createHash('sha256').update(value).digest('hex');
const villagesOf = (county: DivisionNode) => county.children.flatMap((township) => township.children.map((village) => ({ village: village.code, township: township.code })));

/**
 * Residents inserted as the server stores them: an account that agreed to the privacy notice, the
 * village it gets announcements for, one banked hazard-alert acceptance, and for the first
 * `LIST_RESIDENTS` a session for the list load.
 */
async function seedResidents(db: Db, county: DivisionNode) {
  const villages = villagesOf(county);
  const tokens: { token: string; village: string; township: string; residentId: string }[] = [];
  const now = new Date();
  for (let start = 0; start < RESIDENTS; start += 1000) {
    const residents: Document[] = [];
    const audience: Document[] = [];
    const grants: Document[] = [];
    const sessions: Document[] = [];
    for (let i = start; i < Math.min(RESIDENTS, start + 1000); i += 1) {
      const _id = new ObjectId();
      const residentId = _id.toString();
      const { village, township } = villages[i % villages.length];
      residents.push({
        _id,
        openid: `bench-ann-${i}-${randomBytes(3).toString('hex')}`,
        unionid: null,
        sessionKeyEnc: null,
        phone: null,
        consent: { version: PRIVACY_NOTICE.version, acceptedAt: now, sensitive: false, sensitiveAcceptedAt: null },
        consentHistory: [],
        cadre: null,
        lastLoginAt: now,
        createdAt: now,
        updatedAt: now,
      });
      audience.push({ _id: residentId, source: 'chosen', villageCodes: [village], townshipCodes: [township], syncedAt: now });
      grants.push({ residentId, templateKey: 'hazard_alert', usedAt: null, createdAt: now });
      if (i < LIST_RESIDENTS) {
        const token = randomBytes(32).toString('base64url');
        tokens.push({ token, village, township, residentId });
        sessions.push({
          _id: hash(token),
          refreshHash: hash(`${token}-refresh`),
          residentId,
          familyId: randomBytes(8).toString('hex'),
          rotatedAt: null,
          accessExpiresAt: new Date(now.getTime() + 3_600_000),
          refreshExpiresAt: new Date(now.getTime() + 86_400_000),
        });
      }
    }
    await Promise.all([
      db.collection('residents').insertMany(residents, { ordered: false }),
      db.collection('announcement_audience').insertMany(audience, { ordered: false }),
      db.collection('subscription_grants').insertMany(grants, { ordered: false }),
      sessions.length ? db.collection('resident_sessions').insertMany(sessions, { ordered: false }) : null,
    ]);
  }
  return tokens;
}

/**
 * One announcement created and published through the API, then copied straight into the
 * collection for the county, every township and every village; the change token moves so the
 * server reloads its list. Each list resident has read a few of them.
 */
async function seedAnnouncements(db: Db, baseUrl: string, admin: Session, county: DivisionNode, readers: { residentId: string; village: string }[]) {
  const created = await send(baseUrl, admin, 'POST', '/api/announcements', {
    type: 'notice',
    title: '关于做好安置点入住准备工作的通知',
    bodyHtml: `<p>${'请各搬迁户带好户口本和身份证，按村委会通知的时间办理入住登记。'.repeat(8)}</p>`,
    divisionCode: county.code,
  });
  await send(baseUrl, admin, 'POST', `/api/announcements/${created.id}/publish`);
  const announcements = db.collection('announcements');
  const model = (await announcements.findOne({ _id: new ObjectId(created.id) }))!;
  const areas = [
    ...Array.from({ length: COUNTY_ANNOUNCEMENTS - 1 }, () => county.code),
    ...county.children.flatMap((township) => Array.from({ length: PER_TOWNSHIP }, () => township.code)),
    ...villagesOf(county).flatMap(({ village }) => Array.from({ length: PER_VILLAGE }, () => village)),
  ];
  const now = Date.now();
  const docs = areas.map((divisionCode, i) => ({
    ...model,
    _id: new ObjectId(),
    title: `${['停水通知', '村民大会', '政策宣讲', '分房抽签', '技能培训报名'][i % 5]} ${i}`,
    type: (['utility_outage', 'meeting', 'policy_promotion', 'notice', 'notice'] as const)[i % 5],
    divisionCode,
    pinned: i % 40 === 0,
    mustRead: i % 7 === 0,
    publishedAt: new Date(now - i * 60_000),
    // One in ten has already expired: the list must leave it out.
    expiresAt: i % 10 === 0 ? new Date(now - 60_000) : null,
  }));
  for (let start = 0; start < docs.length; start += 500) await announcements.insertMany(docs.slice(start, start + 500), { ordered: false });
  await bumpChangeToken(db, 'announcements');
  const reads = readers.flatMap(({ residentId, village }, r) =>
    docs
      .filter((doc, i) => (doc.divisionCode === county.code || village.startsWith(doc.divisionCode.slice(0, 9)) || doc.divisionCode === village) && (i + r) % 3 === 0)
      .slice(0, 5)
      .map((doc) => ({ _id: `${doc._id.toString()}:${residentId}`, announcementId: doc._id.toString(), residentId, villageCode: village, readAt: new Date() })),
  );
  if (reads.length) await db.collection<{ _id: string }>('announcement_reads').insertMany(reads, { ordered: false });
  const countyWide = docs.filter((doc) => doc.divisionCode === county.code && !doc.expiresAt).map((doc) => doc._id.toString());
  return { total: docs.length + 1, reads: reads.length, countyWide };
}

/**
 * GET /api/resident/announcements as `LIST_RESIDENTS` different residents, in turn, while the same
 * residents open county-wide announcements beside it at `OPENINGS_PER_SECOND`.
 */
async function loadResidentList(baseUrl: string, tokens: { token: string }[], countyWide: string[]): Promise<Row & { openings: number }> {
  let openings = 0;
  const opener = setInterval(() => {
    const { token } = tokens[openings % LIST_RESIDENTS];
    const id = countyWide[(openings * 7) % countyWide.length];
    openings += 1;
    void fetch(`${baseUrl}/api/resident/announcements/${id}`, { headers: { authorization: `Bearer ${token}` } }).then((response) => response.arrayBuffer());
  }, 1000 / OPENINGS_PER_SECOND);
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: DURATION_S,
    timeout: 300,
    requests: tokens.map(({ token }) => ({ method: 'GET' as const, path: '/api/resident/announcements?page=1&pageSize=10', headers: { authorization: `Bearer ${token}` } })),
  });
  clearInterval(opener);
  const drainSeconds = await drain(baseUrl);
  return {
    openings,
    name: `GET /api/resident/announcements (first page, ${LIST_RESIDENTS} residents in turn; ${OPENINGS_PER_SECOND} openings a second beside it)`,
    rps: Number((result.requests.total / DURATION_S).toFixed(1)),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
    drainSeconds,
  };
}

/**
 * What the list needs from the database, asked directly: the resident's session, account and area,
 * the live announcements of the county, their township and village (page and count), and their
 * read receipts among them.
 */
function driverList(db: Db, county: DivisionNode, tokens: { token: string; village: string; township: string; residentId: string }[]) {
  return async (i: number) => {
    const { token, village, township, residentId } = tokens[i % tokens.length];
    const session = await db.collection<{ _id: string; residentId: string }>('resident_sessions').findOne({ _id: hash(token) });
    await db.collection('residents').findOne({ _id: new ObjectId(session!.residentId) }, { projection: { consent: 1 } });
    await db.collection<{ _id: string }>('announcement_audience').findOne({ _id: residentId });
    const filter = { status: 'published', divisionCode: { $in: [county.code, township, village] }, $or: [{ expiresAt: null }, { expiresAt: { $gt: new Date() } }] };
    const [page] = await Promise.all([
      db.collection('announcements').find(filter, { projection: { bodyHtml: 0 } }).sort({ pinned: -1, publishedAt: -1, _id: -1 }).limit(10).toArray(),
      db.collection('announcements').countDocuments(filter),
    ]);
    await db.collection<{ _id: string }>('announcement_reads').find({ _id: { $in: page.map((doc) => `${doc._id.toString()}:${residentId}`) } }, { projection: { announcementId: 1 } }).toArray();
  };
}

type Report = {
  date: string;
  connections: number;
  durationSeconds: number;
  residents: number;
  announcements: number;
  reads: number;
  /** Announcements opened during the list load, and how many of them were first openings (a new receipt). */
  openings: { total: number; first: number };
  seedSeconds: number;
  /** The machine's one-minute load average (2 cores, shared) before the list load and after the alert. */
  loadAverage: { before: number; after: number };
  rows: Row[];
  apiToDriverRatio: number | null;
  alert: { queued: number; stored: number; seconds: number; rssBeforeMb: number; rssAfterMb: number; rssPeakMb: number; secondRunQueued: number };
};

function writeReport(report: Report) {
  writeFileSync(path.join(resultsDir, 'announcements.json'), JSON.stringify(report, null, 2));
  const [api, driver] = report.rows;
  const check = (ok: boolean) => (ok ? 'met' : '**missed**');
  const { alert } = report;
  const growth = alert.rssPeakMb - alert.rssBeforeMb;
  const markdown = [
    `# Announcements benchmark (${report.date})`,
    '',
    `Embedded FerretDB (SQLite) with the project's patches, one server process, on this shared 2-core machine; ${report.residents.toLocaleString('en')} residents spread over the county's villages, each with one hazard-alert acceptance banked, and ${report.announcements.toLocaleString('en')} published announcements (county, every township, every village; one in ten expired) with ${report.reads.toLocaleString('en')} read receipts. The residents' list runs at ${report.connections} connections for ${report.durationSeconds} s as ${LIST_RESIDENTS} different residents in turn, while the same residents open county-wide announcements ${OPENINGS_PER_SECOND} times a second (${report.openings.total.toLocaleString('en')} openings, ${report.openings.first.toLocaleString('en')} of them first openings that wrote a receipt); then the same reads through the bare driver at the same concurrency.`,
    '',
    '| what | req/s | p50 ms | p99 ms | answered | errors |',
    '|---|---:|---:|---:|---:|---:|',
    ...report.rows.map((row) => `| ${row.name} | ${row.rps} | ${row.p50} | ${row.p99} | ${row.requests} | ${row.errors} |`),
    '',
    `API list / bare driver throughput: ${report.apiToDriverRatio ?? '–'}. The machine's one-minute load average was ${report.loadAverage.before} before the list load and ${report.loadAverage.after} after the alert (2 cores shared with other work): the health baseline shows how much of each answer is waiting for the machine.`,
    '',
    `County-wide 地质灾害预警: the publish request answered after ${alert.seconds} s with ${alert.queued.toLocaleString('en')} messages queued (${alert.stored.toLocaleString('en')} in \`outbound_messages\`); publishing the same alert's queue again (as the maintenance job does after a restart) added ${alert.secondRunQueued - alert.stored} messages. Server RSS ${alert.rssBeforeMb} MB before, ${alert.rssPeakMb} MB at the highest sample while queuing, ${alert.rssAfterMb} MB after.`,
    '',
    '| target | measured | |',
    '|---|---|---|',
    `| resident announcement list p99 < 100 ms at ${report.connections} connections | ${api.p99} ms | ${check(api.requests > 0 && api.p99 < 100 && api.errors === 0)} |`,
    `| county-wide alert to ${report.residents.toLocaleString('en')} residents queued within 30 s | ${alert.seconds} s, ${alert.stored.toLocaleString('en')} queued | ${check(alert.seconds <= 30 && alert.stored === report.residents)} |`,
    `| memory growth while queuing < 100 MB | ${growth} MB | ${check(growth < 100)} |`,
    '',
    `The API answers the list from what it holds in memory behind change tokens (docs/ARCHITECTURE.md, "What the server keeps in memory"): the published announcements, who each access token belongs to, each resident's area and the announcements each resident has opened. Per request it reads the change tokens, all in one read shared by the requests arriving while it is on its way, and nothing else once a resident's first list has read their session, account, area and receipts. A first opening writes its receipt and moves the receipts token; the server that handled it adds the receipt to its own memory when nobody else moved the token since, while any other server process would read each resident's receipts once more. The bare driver runs the same reads a request made before this memory and asks the database for the page and count itself (p99 ${driver.p99} ms). The alert is queued in batches of 1,000 residents: one read of their acceptances, one insert of the messages (ids derived from the announcement and the resident, so a second run adds none) and one removal of the spent acceptances per batch (removing a thousand documents costs a tenth of updating them on this database). The delivery worker runs beside it from the same queue, taking due messages unsorted so that a claim stays a few milliseconds with tens of thousands queued.`,
    '',
  ].join('\n');
  writeFileSync(path.join(resultsDir, 'announcements.md'), markdown);
  console.log(markdown);
}

async function main() {
  const dataDir = path.join(tmpdir(), `anqian-bench-announcements-${process.pid}`);
  const db = await startFerretdb({ dataDir, log: () => undefined, patched: true });
  // A fake WeChat API of its own: the worker delivers alerts to it while the bench runs.
  const wechat = await startFakeWechatServer({ port: 0 });
  const dbName = 'bench_announcements';
  const product = await startBenchProduct({ MONGODB_URI: db.uri, MONGODB_DB: dbName, WECHAT_API_BASE: wechat.url });
  const client = await MongoClient.connect(db.uri, { maxPoolSize: CONNECTIONS });
  const database = client.db(dbName);
  try {
    const county = (await (await fetch(`${product.baseUrl}/api/divisions`)).json()) as DivisionNode;
    const admin = await staffSession(product.baseUrl, 'county_admin');
    const seedStarted = performance.now();
    // Demo data seeds a few residents and announcements of its own; the bench counts its own.
    await database.collection('announcement_audience').deleteMany({});
    await database.collection('subscription_grants').deleteMany({ templateKey: 'hazard_alert' });
    const tokens = await seedResidents(database, county);
    const seeded = await seedAnnouncements(database, product.baseUrl, admin, county, tokens);
    const seedSeconds = Number(((performance.now() - seedStarted) / 1000).toFixed(1));
    // The first list after the seed loads the published announcements into memory.
    await (await fetch(`${product.baseUrl}/api/resident/announcements`, { headers: { authorization: `Bearer ${tokens[0].token}` } })).arrayBuffer();
    const loadBefore = loadavg()[0];
    const list = await loadResidentList(product.baseUrl, tokens, seeded.countyWide);
    const firstOpenings = (await database.collection('announcement_reads').countDocuments()) - seeded.reads;
    const rows = [
      list,
      await driverLoad('the same reads through the MongoDB driver (session, account, area, page + count, receipts)', driverList(database, county, tokens), { connections: CONNECTIONS, seconds: DURATION_S }),
      await loadPaths('GET /api/health: baseline (one database ping)', product.baseUrl, ['/api/health'], { connections: CONNECTIONS, seconds: DURATION_S }),
    ];

    const draft = await send(product.baseUrl, admin, 'POST', '/api/announcements', {
      type: 'hazard_alert',
      title: '全县地质灾害橙色预警：请立即避险',
      bodyHtml: '<p>未来 24 小时全县有强降雨，滑坡、泥石流风险高，隐患点附近群众请立即转移。</p>',
      divisionCode: county.code,
      expiresAt: new Date(Date.now() + 24 * 3_600_000).toISOString(),
    });
    const rssBeforeMb = rssMb(product.pid);
    let rssPeakMb = rssBeforeMb;
    const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rssMb(product.pid))), 200);
    const alertStarted = performance.now();
    const published = await send(product.baseUrl, admin, 'POST', `/api/announcements/${draft.id}/publish`);
    const seconds = Number(((performance.now() - alertStarted) / 1000).toFixed(1));
    clearInterval(sampler);
    const rssAfterMb = rssMb(product.pid);
    const alertMessages = { templateKey: 'hazard_alert', page: { $regex: draft.id } };
    const stored = await database.collection('outbound_messages').countDocuments(alertMessages);
    // As after a restart that cut the run short: the maintenance job queues the alert again.
    await database.collection('announcements').updateOne({ _id: new ObjectId(draft.id) }, { $set: { alertQueuedAt: null } });
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && !(await database.collection('announcements').findOne({ _id: new ObjectId(draft.id) }))!.alertQueuedAt) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const secondRunQueued = await database.collection('outbound_messages').countDocuments(alertMessages);

    writeReport({
      date: new Date().toISOString(),
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
      residents: RESIDENTS,
      announcements: seeded.total,
      reads: seeded.reads,
      openings: { total: list.openings, first: firstOpenings },
      seedSeconds,
      loadAverage: { before: Number(loadBefore.toFixed(1)), after: Number(loadavg()[0].toFixed(1)) },
      rows,
      apiToDriverRatio: rows[1].rps > 0 ? Number((rows[0].rps / rows[1].rps).toFixed(2)) : null,
      alert: { queued: published.alert?.queued ?? 0, stored, seconds, rssBeforeMb, rssAfterMb, rssPeakMb, secondRunQueued },
    });
  } finally {
    await client.close();
    await product.stop();
    await wechat.close();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
