/**
 * Skills-training benchmark at one county's scale on the embedded database with the project's
 * patches: 500 courses and 23,000 residents. The residents' course list at 50 connections beside
 * the same queries through the bare driver, and the application burst: 300 residents applying at
 * the same moment for 40 places of a course that admits automatically (applications per second,
 * exactly 40 admitted, none lost). Run with `npm run bench`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient, ObjectId, type Db, type Document } from 'mongodb';
import { addDays, chinaDate, type CourseBody, type DivisionNode, TRAINING_CATEGORIES } from '@anqian/shared';
import { bumpChangeToken, consentedResident, driverLoad, loadPaths, staffSession, type Row, startBenchProduct } from './bench-kit';
import { REGISTRATION_SUMMARIES_CHANGE_TOKEN } from '../../server/src/modules/registrations/registration-summaries';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startFerretdb } = require('../../scripts/lib/ferretdb.cjs');

const COURSES = 500;
const RESIDENTS = 23_000;
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const BURST = 300;
const PLACES = 40;
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

const courseBody = (county: DivisionNode, overrides: Partial<CourseBody> = {}): CourseBody => {
  const today = chinaDate();
  return {
    title: '家政服务员培训班',
    category: 'housekeeping',
    provider: '县职业技能培训学校',
    partners: [],
    description: '学习保洁、做饭、照护老人，结业后推荐上岗',
    divisionCode: county.children[0].code,
    address: '安置点综合服务中心三楼',
    sessions: [1, 2, 3, 4].map((day) => ({ date: addDays(today, 20 + day), startTime: '09:00', endTime: '16:00', topic: `第${day}课` })),
    capacity: 40,
    signupDeadline: addDays(today, 19),
    eligibility: { minAge: 16, maxAge: 60, priorityForRelocated: true, townshipCodes: [] },
    costFen: 0,
    subsidyFen: 150000,
    completion: { minAttendancePercent: 80, examRequired: true },
    admission: 'auto',
    ...overrides,
  };
};

/**
 * One course made and published through the API, then copied straight into the collections
 * (the course and its places in the sign-up engine) with category, township and dates varied.
 */
async function seedCourses(db: Db, baseUrl: string, hr: Session, county: DivisionNode) {
  const draft = await send(baseUrl, hr, 'POST', '/api/training/courses', courseBody(county));
  await send(baseUrl, hr, 'POST', `/api/training/courses/${draft.id}/publish`);
  const model = (await db.collection('training_courses').findOne({ _id: new ObjectId(draft.id) }))!;
  const event = (await db.collection('signup_events').findOne({ _id: new ObjectId(draft.id) }))!;
  const townships = county.children.map((township) => township.code);
  for (let start = 1; start < COURSES; start += 250) {
    const courses: Document[] = [];
    const events: Document[] = [];
    for (let i = start; i < Math.min(COURSES, start + 250); i += 1) {
      const _id = new ObjectId();
      const full = i % 7 === 0;
      courses.push({
        ...model,
        _id,
        title: `${['家政服务', '电子商务', '建筑施工', '养殖', '种植', '电工', '焊工', '驾驶'][i % 8]}培训班 ${i}`,
        category: TRAINING_CATEGORIES[i % TRAINING_CATEGORIES.length],
        eligibility: { ...model.eligibility, townshipCodes: i % 4 === 0 ? [townships[i % townships.length]] : [] },
        startsAt: new Date(model.startsAt.getTime() + (i % 60) * 86_400_000),
        status: i % 10 === 0 ? 'running' : 'published',
      });
      events.push({ ...event, _id, taken: full ? event.capacity : 0, remaining: full ? 0 : event.capacity });
    }
    await db.collection('training_courses').insertMany(courses, { ordered: false });
    await db.collection('signup_events').insertMany(events, { ordered: false });
  }
  return townships;
}

const hash = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * 23,000 residents copied from one who signed in and agreed to the privacy notice; the first
 * `BURST` get a session each and a verified household file of their own (a demo registration
 * copied under their id), so each applies for their own household's head.
 */
async function seedResidents(db: Db, baseUrl: string) {
  const { residentId } = await consentedResident(baseUrl, '10.20.0.1');
  const model = (await db.collection('residents').findOne({ _id: new ObjectId(residentId) }))!;
  const registration = (await db.collection('registrations').findOne({ status: 'verified' }))!;
  const summary = (await db.collection('registration_summaries').findOne({ _id: registration._id }))!;
  const applicants: { token: string; memberKey: string }[] = [];
  const now = Date.now();
  for (let start = 0; start < RESIDENTS; start += 1000) {
    const residents: Document[] = [];
    const sessions: Document[] = [];
    const registrations: Document[] = [];
    const summaries: Document[] = [];
    for (let i = start; i < Math.min(RESIDENTS, start + 1000); i += 1) {
      const _id = new ObjectId();
      residents.push({ ...model, _id, openid: `bench-training-${i}-${randomBytes(3).toString('hex')}` });
      if (i >= BURST) continue;
      const token = randomBytes(32).toString('base64url');
      sessions.push({
        _id: hash(token),
        refreshHash: hash(`${token}-refresh`),
        residentId: _id.toString(),
        familyId: randomBytes(8).toString('hex'),
        rotatedAt: null,
        accessExpiresAt: new Date(now + 3_600_000),
        refreshExpiresAt: new Date(now + 86_400_000),
      });
      const registrationId = new ObjectId();
      // A lookup hash of its own makes the copied head a person of their own (the member key is its prefix).
      const headHash = randomBytes(32).toString('hex');
      const household = { ...registration.household, head: { ...registration.household.head, idNumber: { ...registration.household.head.idNumber, hash: headHash } } };
      registrations.push({ ...registration, _id: registrationId, household, residentId: _id, activeLock: `bench:${registrationId}`, idempotencyKey: `bench:${registrationId}` });
      summaries.push({ ...summary, _id: registrationId, residentId: _id });
      applicants.push({ token, memberKey: headHash.slice(0, 24) });
    }
    await db.collection('residents').insertMany(residents, { ordered: false });
    if (sessions.length) {
      await db.collection('resident_sessions').insertMany(sessions, { ordered: false });
      await db.collection('registrations').insertMany(registrations, { ordered: false });
      await db.collection('registration_summaries').insertMany(summaries, { ordered: false });
      await bumpChangeToken(db, REGISTRATION_SUMMARIES_CHANGE_TOKEN);
    }
  }
  return applicants;
}

/** The residents' list as the mini-program asks for it, and the same queries as listForResidents builds them. */
function listMixes(townships: string[]) {
  const visible = { status: { $in: ['published', 'closed', 'running'] } };
  const soonest = { startsAt: 1, _id: 1 } as const;
  const inTownship = { $or: [{ 'eligibility.townshipCodes': { $size: 0 } }, { 'eligibility.townshipCodes': townships[1] }] };
  return [
    { path: '/api/resident/training/courses?page=1&pageSize=10', filter: visible, skip: 0 },
    { path: '/api/resident/training/courses?category=ecommerce&page=2&pageSize=10', filter: { ...visible, category: 'ecommerce' }, skip: 10 },
    { path: `/api/resident/training/courses?townshipCode=${townships[1]}&page=1&pageSize=10`, filter: { ...visible, ...inTownship }, skip: 0 },
    { path: '/api/resident/training/courses?category=housekeeping&page=1&pageSize=10', filter: { ...visible, category: 'housekeeping' }, skip: 0 },
  ].map((mix) => ({ ...mix, sort: soonest }));
}

/** `BURST` residents apply for a course of `PLACES` places that admits automatically, all at once. */
async function applicationBurst(baseUrl: string, db: Db, hr: Session, county: DivisionNode, applicants: { token: string; memberKey: string }[]) {
  const course = await send(baseUrl, hr, 'POST', '/api/training/courses', courseBody(county, { title: '压力测试培训班', capacity: PLACES }));
  await send(baseUrl, hr, 'POST', `/api/training/courses/${course.id}/publish`);
  const statuses = new Map<string, number>();
  const started = performance.now();
  await Promise.all(
    applicants.map(async ({ token, memberKey }, i) => {
      const response = await fetch(`${baseUrl}/api/resident/training/courses/${course.id}/apply`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-forwarded-for': `10.40.${Math.floor(i / 250)}.${i % 250}` },
        body: JSON.stringify({ memberKey }),
      });
      const body = (await response.json()) as { status?: string };
      const key = `${response.status} ${body.status ?? ''}`.trim();
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const answered = [...statuses].filter(([key]) => key.startsWith('201')).reduce((sum, [, count]) => sum + count, 0);
  const eventId = new ObjectId(course.id);
  const [admitted, waitlisted, stored] = await Promise.all([
    db.collection('signups').countDocuments({ eventId, status: 'confirmed' }),
    db.collection('signups').countDocuments({ eventId, status: 'waitlisted' }),
    db.collection('training_trainees').countDocuments({ courseId: eventId }),
  ]);
  const event = await db.collection('signup_events').findOne({ _id: eventId });
  return {
    residents: applicants.length,
    places: PLACES,
    seconds: Number(seconds.toFixed(1)),
    answers: Object.fromEntries(statuses),
    created: answered,
    admitted,
    waitlisted,
    stored,
    lost: answered - stored,
    overCapacity: Math.max(0, admitted - PLACES),
    counter: { taken: event?.taken, remaining: event?.remaining, waiting: event?.waiting },
    applicationsPerSecond: Math.round(answered / seconds),
  };
}

type Report = {
  date: string;
  connections: number;
  durationSeconds: number;
  courses: number;
  residents: number;
  seedSeconds: number;
  rows: Row[];
  apiToDriverRatio: number | null;
  burst: Awaited<ReturnType<typeof applicationBurst>>;
};

function writeReport(report: Report) {
  writeFileSync(path.join(resultsDir, 'training.json'), JSON.stringify(report, null, 2));
  const [api, driver] = report.rows;
  const check = (ok: boolean) => (ok ? 'met' : '**missed**');
  const { burst } = report;
  const markdown = [
    `# Skills-training benchmark (${report.date})`,
    '',
    `Embedded FerretDB (SQLite) with the project's patches, one server process, on this shared 2-core machine; ${report.courses.toLocaleString('en')} courses and ${report.residents.toLocaleString('en')} residents. The residents' course list (4 filter mixes in turn, no sign-in) runs at ${report.connections} connections for ${report.durationSeconds} s, then the same queries (page and count) through the bare driver at the same concurrency.`,
    '',
    '| what | req/s | p50 ms | p99 ms | answered | errors |',
    '|---|---:|---:|---:|---:|---:|',
    ...report.rows.map((row) => `| ${row.name} | ${row.rps} | ${row.p50} | ${row.p99} | ${row.requests} | ${row.errors} |`),
    '',
    `API list / bare driver throughput: ${report.apiToDriverRatio ?? '–'}. The API filters and pages the listed courses it holds in memory (reloaded when the course change token moves) and adds the places of each course on the page, from one read of the sign-up engine's counters shared by the requests asking for the same page while it is on its way (a counter write drops it), the partner employers and the division names.`,
    '',
    `Application burst: ${burst.residents} residents at once for ${burst.places} places of a course that admits automatically, each for their own verified household's head: answers ${Object.entries(burst.answers).map(([key, count]) => `${key}×${count}`).join(', ')}; ${burst.admitted} admitted, ${burst.waitlisted} on the waitlist, ${burst.stored} applications stored (lost ${burst.lost}, over capacity ${burst.overCapacity}); the course's counter says taken ${burst.counter.taken}, remaining ${burst.counter.remaining}, waiting ${burst.counter.waiting}. Finished in ${burst.seconds} s, ${burst.applicationsPerSecond} applications a second.`,
    '',
    '| target | measured | |',
    '|---|---|---|',
    `| resident course list p99 < 100 ms at ${report.connections} connections | ${api.p99} ms | ${check(api.requests > 0 && api.p99 < 100 && api.errors === 0)} |`,
    `| burst of ${burst.residents}: exactly ${burst.places} admitted, none lost | ${burst.admitted} admitted, lost ${burst.lost} | ${check(burst.admitted === burst.places && burst.lost === 0 && burst.created === burst.residents)} |`,
    '',
    `Bare driver p99 for the same page and count: ${driver.p99} ms.`,
    '',
  ].join('\n');
  writeFileSync(path.join(resultsDir, 'training.md'), markdown);
  console.log(markdown);
}

async function main() {
  const dataDir = path.join(tmpdir(), `anqian-bench-training-${process.pid}`);
  const db = await startFerretdb({ dataDir, log: () => undefined, patched: true });
  const dbName = 'bench_training';
  const product = await startBenchProduct({ MONGODB_URI: db.uri, MONGODB_DB: dbName, TRUST_PROXY: 'true' });
  const client = await MongoClient.connect(db.uri, { maxPoolSize: CONNECTIONS });
  const database = client.db(dbName);
  try {
    const county = (await (await fetch(`${product.baseUrl}/api/divisions`)).json()) as DivisionNode;
    const hr = await staffSession(product.baseUrl, 'hr_staff');
    const seedStarted = performance.now();
    const townships = await seedCourses(database, product.baseUrl, hr, county);
    const applicants = await seedResidents(database, product.baseUrl);
    const seedSeconds = Number(((performance.now() - seedStarted) / 1000).toFixed(1));
    const mixes = listMixes(townships);
    const courses = database.collection('training_courses');
    const rows = [
      await loadPaths('GET /api/resident/training/courses (4 filter mixes)', product.baseUrl, mixes.map((mix) => mix.path), { connections: CONNECTIONS, seconds: DURATION_S }),
      await driverLoad(
        'the same queries through the MongoDB driver (page + count)',
        (i) => {
          const { filter, sort, skip } = mixes[i % mixes.length];
          return Promise.all([courses.find(filter).sort(sort).skip(skip).limit(10).toArray(), courses.countDocuments(filter)]);
        },
        { connections: CONNECTIONS, seconds: DURATION_S },
      ),
    ];
    const burst = await applicationBurst(product.baseUrl, database, hr, county, applicants);
    writeReport({
      date: new Date().toISOString(),
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
      courses: await courses.countDocuments(),
      residents: await database.collection('residents').countDocuments(),
      seedSeconds,
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
