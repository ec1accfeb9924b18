/**
 * Policy library and calculator benchmark: 2,000 published policy documents, the resident list,
 * category filter and keyword search (title, body-only, 文号 fragment) p50/p99 at 50 connections
 * beside the staff list, the server's RSS, and the subsidy calculator's calls per second in-process
 * beside POST /api/subsidy-estimate over HTTP. Run with `npm run bench`.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import mongoose, { Types } from 'mongoose';
import { calculateSubsidy, richTextPlainText, type DivisionNode, type PolicyCategory, type PolicySummary } from '@anqian/shared';
import { SUBSIDY_WORKED_CASES } from '@anqian/shared/src/subsidy-cases';
import { DEMO_SUBSIDY_RULE_SET } from '@anqian/shared/src/subsidy-demo';
import { createChangeToken } from '../../server/src/db/change-token';
import { buildSearchIndex } from '../../server/src/modules/policies/policy-search-index';
import { policyModels } from '../../server/src/modules/policies/policy.model';
import { sanitizeRichText } from '../../server/src/modules/policies/rich-text-sanitizer';
import { loadPaths, residentLogin, rssMb, staffSession, type Row as LoadRow, startBenchProduct } from './bench-kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startFerretdb } = require('../../scripts/lib/ferretdb.cjs');

const DOCUMENTS = 2_000;
/** Created and published through the API, as a county admin would; the rest go straight into the collections. */
const API_DOCUMENTS = 100;
const API_CONCURRENCY = 10;
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CALCULATOR_CALLS = 200_000;
const resultsDir = path.join(__dirname, 'results');

/** Appears in titles (employment documents). */
const TITLE_KEYWORD = '技能培训';
/** Appears only in bodies (never in a title, 文号 or interpretation). */
const BODY_KEYWORD = '光伏';
/** A 文号 fragment: one issuer in one year. */
const NUMBER_FRAGMENT = '政办发〔2024〕';

type Row = LoadRow & { matches?: number; expected?: number };

const TOWNSHIP_WORDS = ['狮山', '高桥', '猫街', '插甸', '白路', '环州', '东坡', '田心', '发窝', '万德', '己衣'];
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
const ISSUERS = [
  { body: '武定县人民政府', prefix: '武府发' },
  { body: '武定县人民政府办公室', prefix: '武政办发' },
  { body: '武定县易地避险搬迁工作领导小组办公室', prefix: '武搬迁办发' },
  { body: '武定县人力资源和社会保障局', prefix: '武人社发' },
  { body: '武定县农业农村局', prefix: '武农发' },
];

const TITLES: Record<PolicyCategory, ((year: number, place: string) => string)[]> = {
  relocation: [
    (y, p) => `关于做好${y}年${p}片区地质灾害避险搬迁工作的通知`,
    (y) => `武定县易地避险搬迁实施方案（${y}年修订）`,
    (y) => `关于进一步规范${y}年度搬迁对象识别认定的通知`,
    (y, p) => `${p}镇避险搬迁安置点建设管理办法`,
  ],
  subsidy_standard: [
    (y) => `关于调整${y}年度避险搬迁住房建设补助标准的通知`,
    (y) => `武定县搬迁户旧房拆除复垦奖励资金管理办法（${y}年）`,
    (y, p) => `关于${p}片区特殊困难搬迁户补助发放的通知`,
  ],
  employment: [
    (y) => `关于开展${y}年搬迁群众职业${TITLE_KEYWORD}的通知`,
    (y) => `武定县搬迁劳动力转移就业奖补办法（${y}年）`,
    (y, p) => `关于在${p}安置点设立就业帮扶车间的实施意见`,
  ],
  industry: [
    (y, p) => `关于支持${p}安置点发展特色种养产业的若干措施`,
    (y) => `武定县${y}年搬迁后续产业扶持资金项目管理办法`,
    (y) => `关于做好${y}年度安置点配套产业园建设的通知`,
  ],
  community: [
    (y, p) => `关于加强${p}集中安置社区治理的指导意见`,
    (y) => `武定县安置社区便民服务中心建设规范（${y}年）`,
    (y) => `关于做好${y}年搬迁群众户籍迁移和社会保障衔接的通知`,
  ],
  other: [
    (y) => `关于印发武定县避险搬迁工作考核办法（${y}年）的通知`,
    (y, p) => `关于开展${p}片区搬迁政策宣传月活动的通知`,
    (y) => `武定县避险搬迁资金监督管理办法（${y}年修订）`,
  ],
};
const CATEGORIES = Object.keys(TITLES) as PolicyCategory[];

const ARTICLES = [
  '搬迁对象应当经村民小组评议、村委会审核、乡镇人民政府复核并公示，公示期不少于七日。',
  '各乡镇人民政府是本辖区搬迁工作的责任主体，主要负责同志为第一责任人，分管负责同志具体抓落实。',
  '住房建设补助资金实行专户管理、专账核算、专款专用，任何单位和个人不得截留、挤占、挪用。',
  '集中安置点选址应当避开地质灾害隐患区域，并经自然资源部门组织专家评估论证。',
  '搬迁户应当在新居入住后按期拆除旧房，由乡镇组织复垦为耕地或林地，纳入城乡建设用地增减挂钩。',
  '县人力资源和社会保障部门应当建立搬迁劳动力就业台账，做到底数清、需求明、服务准。',
  '对有劳动能力和就业意愿的搬迁群众，每户至少帮助一人实现稳定就业。',
  '安置社区应当设立便民服务站，提供户籍、社保、医保、就学等事项的代办服务。',
  '搬迁群众原有的承包地、林地、宅基地权益依法保留，不因搬迁而改变。',
  '补助资金按照工程进度分期拨付，主体完工拨付百分之六十，竣工验收合格后拨付剩余部分。',
  '对弄虚作假骗取补助资金的，依法追回资金，并追究相关人员责任。',
  '乡镇人民政府应当每季度向县领导小组办公室报送工作进展情况。',
  '安置点配套建设幼儿园、卫生室、文化活动室等公共服务设施，与住房同步规划、同步建设、同步交付。',
  '县财政部门会同行业主管部门对资金使用情况开展绩效评价，评价结果作为下年度资金分配的依据。',
  '搬迁群众子女就近入学，学校不得以户籍未迁入为由拒收。',
  '各级各部门应当通过广播、宣传栏、微信群等方式宣传搬迁政策，做到家喻户晓。',
  '因病、因残等原因生活困难的搬迁户，按规定纳入最低生活保障或特困人员救助供养范围。',
  '搬迁户对认定结果有异议的，可在公示期内向乡镇人民政府提出书面申请，乡镇应在十个工作日内答复。',
];
const BODY_ONLY_ARTICLE = `支持安置点利用公共建筑屋顶建设村集体${BODY_KEYWORD}电站，收益优先用于安置社区公益岗位和困难群众帮扶。`;
const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

type GeneratedPolicy = {
  title: string;
  category: PolicyCategory;
  issuingBody: string;
  documentNumber: string;
  publishDate: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  bodyHtml: string;
  interpretation: string;
  pinned: boolean;
  divisionCode: string;
};

/** Document i: a title from its category's templates, a 文号 of its issuer and year, and a body of 3-5 KB. */
function policyDocument(i: number, county: DivisionNode): GeneratedPolicy {
  const category = CATEGORIES[i % CATEGORIES.length];
  const templates = TITLES[category];
  const template = templates[Math.floor(i / CATEGORIES.length) % templates.length];
  const year = YEARS[(i * 7) % YEARS.length];
  const place = TOWNSHIP_WORDS[(i * 3) % TOWNSHIP_WORDS.length];
  const issuer = ISSUERS[(i * 11) % ISSUERS.length];
  const month = String(1 + ((i * 5) % 12)).padStart(2, '0');
  const day = String(1 + ((i * 13) % 28)).padStart(2, '0');
  const publishDate = `${year}-${month}-${day}`;
  const articleCount = 18 + (i % 8);
  const articles = Array.from({ length: articleCount }, (_, k) => ARTICLES[(i + k * 5) % ARTICLES.length]);
  // Every seventh document mentions the body-only keyword early, well inside the searched text.
  if (i % 7 === 3) articles.splice(2, 0, BODY_ONLY_ARTICLE);
  const chapters = ['<h2>第一章 总则</h2>'];
  articles.forEach((text, k) => {
    if (k === 6) chapters.push('<h2>第二章 主要内容</h2>');
    if (k === articles.length - 3) chapters.push('<h2>第三章 附则</h2>');
    chapters.push(`<p><strong>第${CHINESE_NUMERALS[k % CHINESE_NUMERALS.length]}条</strong> ${text}</p>`);
  });
  chapters.push(`<p>本${category === 'relocation' ? '方案' : '办法'}自印发之日起施行，由${issuer.body}负责解释。</p>`);
  const township = county.children[i % county.children.length];
  return {
    title: template(year, place),
    category,
    issuingBody: issuer.body,
    documentNumber: `${issuer.prefix}〔${year}〕${1 + ((i * 17) % 150)}号`,
    publishDate,
    effectiveFrom: i % 3 === 0 ? publishDate : null,
    effectiveTo: i % 5 === 0 ? `${year + 5}-12-31` : null,
    bodyHtml: chapters.join(''),
    interpretation: `这份文件讲的是${place}一带搬迁群众关心的事：谁能搬、怎么搬、搬后怎么办。有疑问可以找村委会或乡镇搬迁办咨询。`,
    pinned: i % 100 === 0,
    divisionCode: i % 5 < 3 ? county.code : township.code,
  };
}

/** Inserts documents straight into the collections as the service stores a published one, then moves the change token. */
async function seedDirect(uri: string, dbName: string, docs: GeneratedPolicy[], editedBy: string) {
  const connection = await mongoose.createConnection(uri, { dbName }).asPromise();
  try {
    const { Policy, PolicyContent } = policyModels(connection);
    for (let start = 0; start < docs.length; start += 500) {
      const batch = docs.slice(start, start + 500).map((doc) => ({ _id: new Types.ObjectId(), doc }));
      const editedAt = new Date();
      await PolicyContent.insertMany(
        batch.map(({ _id, doc }) => ({ _id, bodyHtml: sanitizeRichText(doc.bodyHtml), interpretation: doc.interpretation, attachments: [], editedAt, editedBy, history: [] })),
        { ordered: false },
      );
      await Policy.insertMany(
        batch.map(({ _id, doc }) => ({
          _id,
          title: doc.title,
          category: doc.category,
          issuingBody: doc.issuingBody,
          documentNumber: doc.documentNumber,
          publishDate: doc.publishDate,
          effectiveFrom: doc.effectiveFrom,
          effectiveTo: doc.effectiveTo,
          status: 'published',
          pinned: doc.pinned,
          divisionCode: doc.divisionCode,
          attachmentCount: 0,
          version: 1,
          publishedAt: new Date(`${doc.publishDate}T02:00:00Z`),
        })),
        { ordered: false },
      );
    }
    // What every policy write does last: the server's in-memory index sees the new documents.
    await createChangeToken(connection, 'policies').bump();
  } finally {
    await connection.close();
  }
}

/** Create + publish through the API, `API_CONCURRENCY` at a time. */
async function seedThroughApi(baseUrl: string, session: { cookie: string; csrf: string }, docs: GeneratedPolicy[]) {
  const headers = { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf };
  let next = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: API_CONCURRENCY }, async () => {
      for (;;) {
        const i = next++;
        if (i >= docs.length) return;
        const created = await fetch(`${baseUrl}/api/policies`, { method: 'POST', headers, body: JSON.stringify(docs[i]) });
        if (created.status !== 201) {
          failed += 1;
          console.error('create failed', created.status, await created.text());
          continue;
        }
        const { id } = (await created.json()) as { id: string };
        const published = await fetch(`${baseUrl}/api/policies/${id}/publish`, { method: 'POST', headers });
        if (published.status !== 200) failed += 1;
      }
    }),
  );
  return failed;
}

/** `total` of one answer, checked against what the generator put in. */
async function totalOf(baseUrl: string, requestPath: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(`${baseUrl}${requestPath}`, { headers });
  return ((await response.json()) as { total: number }).total;
}

/** POST /api/subsidy-estimate with the worked cases in turn, each request from a fresh client address. */
async function estimateLoad(baseUrl: string): Promise<Row & { rateLimited: number }> {
  const bodies = SUBSIDY_WORKED_CASES.map((c) => JSON.stringify(c.input));
  let sent = 0;
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        path: '/api/subsidy-estimate',
        setupRequest: (request) => {
          const n = sent++;
          // The endpoint allows 120 a minute per IP: rotating addresses keep the limit out of the measurement.
          const ip = `10.${20 + ((n >> 16) & 63)}.${(n >> 8) & 255}.${n & 255}`;
          return { ...request, body: bodies[n % bodies.length], headers: { 'content-type': 'application/json', 'x-forwarded-for': ip } };
        },
      },
    ],
  });
  return {
    name: 'POST /api/subsidy-estimate (worked cases in turn)',
    rps: Math.round(result.requests.total / DURATION_S),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
    rateLimited: result.statusCodeStats?.['429']?.count ?? 0,
  };
}

/** The server's search index alone, built in this process from the same documents: µs per resident query. */
function searchInProcess(docs: GeneratedPolicy[], queries: { name: string; q?: string; category?: PolicyCategory }[]) {
  const entries = docs.map((doc, i) => {
    const summary: PolicySummary = {
      id: new Types.ObjectId().toString(),
      title: doc.title,
      category: doc.category,
      issuingBody: doc.issuingBody,
      documentNumber: doc.documentNumber,
      publishDate: doc.publishDate,
      effectiveFrom: doc.effectiveFrom,
      effectiveTo: doc.effectiveTo,
      status: 'published',
      pinned: doc.pinned,
      divisionCode: doc.divisionCode,
      divisionName: '',
      attachmentCount: 0,
      version: 1,
      publishedAt: `${doc.publishDate}T02:00:00.000Z`,
      updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
    };
    // As the service builds it: title, 文号, interpretation and the body's plain text.
    return { summary, searchText: [doc.title, doc.documentNumber, doc.interpretation, richTextPlainText(sanitizeRichText(doc.bodyHtml))].join(' ') };
  });
  let started = performance.now();
  const index = buildSearchIndex(entries);
  const buildMs = Number((performance.now() - started).toFixed(1));
  const runs = 2_000;
  const perQuery = queries.map(({ name, q, category }) => {
    const keep = (summary: PolicySummary) => summary.status === 'published' && (!category || summary.category === category);
    let found = 0;
    started = performance.now();
    for (let i = 0; i < runs; i += 1) found += index.search(q, keep).slice(0, 10).length;
    const microseconds = Number((((performance.now() - started) * 1000) / runs).toFixed(1));
    if (found === 0) throw new Error(`${name}: nothing found in process`);
    return { name, microseconds };
  });
  return { documents: docs.length, buildMs, perQuery };
}

/** The shared calculator on the worked cases against the demo rule set, in this process. */
function calculatorInProcess() {
  for (const worked of SUBSIDY_WORKED_CASES) {
    const total = calculateSubsidy(worked.input, DEMO_SUBSIDY_RULE_SET).totalFen;
    if (total !== worked.expectedTotalFen) throw new Error(`worked case ${worked.id}: ${total} ≠ ${worked.expectedTotalFen}`);
  }
  const cases = SUBSIDY_WORKED_CASES.map((c) => c.input);
  let sink = 0;
  for (let i = 0; i < 20_000; i += 1) sink += calculateSubsidy(cases[i % cases.length], DEMO_SUBSIDY_RULE_SET).totalFen;
  const started = performance.now();
  for (let i = 0; i < CALCULATOR_CALLS; i += 1) sink += calculateSubsidy(cases[i % cases.length], DEMO_SUBSIDY_RULE_SET).totalFen;
  const ms = performance.now() - started;
  if (sink === 0) throw new Error('calculator returned nothing');
  return { calls: CALCULATOR_CALLS, cases: cases.length, seconds: Number((ms / 1000).toFixed(2)), callsPerSecond: Math.round(CALCULATOR_CALLS / (ms / 1000)), microsecondsPerCall: Number(((ms * 1000) / CALCULATOR_CALLS).toFixed(2)) };
}

type Report = {
  date: string;
  connections: number;
  durationSeconds: number;
  documents: number;
  seed: { directDocuments: number; directSeconds: number; apiDocuments: number; apiSeconds: number; apiDocumentsPerSecond: number; apiFailures: number; averageBodyBytes: number; indexLoadSeconds: number };
  rows: Row[];
  serverRssMb: { afterStart: number; afterSeed: number; afterLoad: number };
  search: ReturnType<typeof searchInProcess>;
  calculator: ReturnType<typeof calculatorInProcess>;
  estimate: Row & { rateLimited: number };
  inProcessToHttpRatio: number;
};

/** The short reading of the numbers, written from them. */
function meaning(report: Report): string {
  const [health, list] = report.rows;
  const staff = report.rows.at(-1)!;
  const searches = report.rows.filter((row) => row.name.includes('search'));
  const slowestSearch = searches.reduce((worst, row) => (row.p50 > worst.p50 ? row : worst));
  const slowestInMemory = Math.max(...report.search.perQuery.map((q) => q.microseconds));
  return [
    `Residents' lists and searches never touch the policy collections: they are answered from the server's in-memory index.`,
    `At ${report.connections} connections the resident list answers ${list.rps} req/s with p50 ${list.p50} ms / p99 ${list.p99} ms, and keyword searches (a title word, a word only in bodies, a 文号 fragment) stay in the same range (slowest p50 ${slowestSearch.p50} ms): the index's own work is at most ${slowestInMemory} µs a query.`,
    `What a request costs is its reads on FerretDB: a resident list reads only the change tokens once the resident's session is in memory (one read of all tokens, shared by the requests arriving while it is on its way), an estimate the same (${report.estimate.rps} req/s), the staff list the same once the staff session is in memory (${staff.rps} req/s), while the health check's ping, which FerretDB answers without SQLite, reaches ${health.rps} req/s.`,
    `The expensive moment is the first list after the index is cold or after a bulk change: the server reads every list row once and, when more than a few bodies changed, all bodies in one pass — ${report.seed.indexLoadSeconds} s for ${report.documents.toLocaleString('en')} new documents here (before that pass, one read by \`_id\` each took 37.3 s: FerretDB 1.24 scans the table for every \`_id\` read). The same wait falls on the first resident after a server restart. After an ordinary edit only that one body is re-read.`,
    `Holding ${report.documents.toLocaleString('en')} documents of ~${Math.round(report.seed.averageBodyBytes / 1024)} KB in the index costs the server about ${report.serverRssMb.afterSeed - report.serverRssMb.afterStart} MB of RSS.`,
    `The calculator is pure and cheap (${report.calculator.microsecondsPerCall} µs a call); over HTTP an estimate costs ${report.inProcessToHttpRatio.toLocaleString('en')} times the arithmetic, so the mini-program computing locally (and offline) loses nothing.`,
  ].join(' ');
}

function writeReport(report: Report) {
  writeFileSync(path.join(resultsDir, 'policies.json'), JSON.stringify(report, null, 2));
  const { seed, calculator, estimate } = report;
  const markdown = [
    `# Policy library and calculator benchmark (${report.date})`,
    '',
    `Embedded FerretDB (SQLite), one server process, same machine: 2 CPU cores shared with other work, noisy, one run. Loads at ${report.connections} connections for ${report.durationSeconds} s each.`,
    '',
    `## Seed: ${report.documents.toLocaleString('en')} published documents (+2 demo documents)`,
    '',
    `- ${seed.directDocuments.toLocaleString('en')} inserted straight into \`policies\` / \`policy_contents\` as the service stores them (bodies sanitised by the server's sanitiser), change token moved: ${seed.directSeconds} s.`,
    `- ${seed.apiDocuments} created and published through the API as the county admin, ${API_CONCURRENCY} at a time: ${seed.apiSeconds} s (${seed.apiDocumentsPerSecond} documents/s, ${seed.apiFailures} failures).`,
    `- Body: ${seed.averageBodyBytes.toLocaleString('en')} bytes of HTML on average; six categories, county and township owners, 1 % pinned.`,
    `- First list after the seed (the server reads every list row and each new body once to build its in-memory search index): ${seed.indexLoadSeconds} s.`,
    '',
    '## Lists and search',
    '',
    '| what | req/s | p50 ms | p99 ms | requests | errors | matches (expected) |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...report.rows.map((r) => `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.errors} | ${r.matches ?? '–'}${r.expected !== undefined ? ` (${r.expected})` : ''} |`),
    '',
    `The same index alone, built in this process from the same ${report.search.documents.toLocaleString('en')} documents (${report.search.buildMs} ms to build), per query: ${report.search.perQuery.map((q) => `${q.name} ${q.microseconds} µs`).join('; ')}.`,
    '',
    `Server RSS: ${report.serverRssMb.afterStart} MB after start, ${report.serverRssMb.afterSeed} MB with the index of ${report.documents.toLocaleString('en')} documents loaded, ${report.serverRssMb.afterLoad} MB after the loads.`,
    '',
    '## Calculator',
    '',
    `- In-process: \`calculateSubsidy\` on the ${calculator.cases} worked cases in turn against \`DEMO_SUBSIDY_RULE_SET\`, ${calculator.calls.toLocaleString('en')} calls in ${calculator.seconds} s: **${calculator.callsPerSecond.toLocaleString('en')} calls/s**, ${calculator.microsecondsPerCall} µs per call (every worked case checked against its expected total first).`,
    `- Over HTTP: ${estimate.name} at ${report.connections} connections, each request from a fresh X-Forwarded-For address (TRUST_PROXY=true) so the 120/min per-IP limit does not apply: ${estimate.rps} req/s, p50 ${estimate.p50} ms, p99 ${estimate.p99} ms, ${estimate.errors} errors (${estimate.rateLimited} rate-limited).`,
    `- In-process / HTTP: ${report.inProcessToHttpRatio.toLocaleString('en')}×. From one address a client gets 120 estimates a minute, then 429.`,
    '',
    '## What this means',
    '',
    meaning(report),
    '',
  ].join('\n');
  writeFileSync(path.join(resultsDir, 'policies.md'), markdown);
  console.log(markdown);
}

async function main() {
  const dataDir = path.join(tmpdir(), `anqian-bench-pol-${process.pid}`);
  const db = await startFerretdb({ dataDir, log: () => undefined });
  const dbName = 'bench_policies';
  const product = await startBenchProduct({ MONGODB_URI: db.uri, MONGODB_DB: dbName, TRUST_PROXY: 'true' });
  try {
    const baseUrl = product.baseUrl;
    const county = (await (await fetch(`${baseUrl}/api/divisions`)).json()) as DivisionNode;
    const session = await staffSession(baseUrl);
    const staffHeaders = { cookie: session.cookie };
    const residentHeaders = { authorization: `Bearer ${(await residentLogin(baseUrl)).accessToken}` };
    const afterStart = rssMb(product.pid);

    const docs = Array.from({ length: DOCUMENTS }, (_, i) => policyDocument(i, county));
    const directDocs = docs.slice(0, DOCUMENTS - API_DOCUMENTS);
    let started = performance.now();
    await seedDirect(db.uri, dbName, directDocs, session.displayName);
    const directSeconds = Number(((performance.now() - started) / 1000).toFixed(1));
    started = performance.now();
    const apiFailures = await seedThroughApi(baseUrl, session, docs.slice(DOCUMENTS - API_DOCUMENTS));
    const apiSeconds = Number(((performance.now() - started) / 1000).toFixed(1));
    started = performance.now();
    await totalOf(baseUrl, '/api/resident/policies?page=1&pageSize=10', residentHeaders);
    const indexLoadSeconds = Number(((performance.now() - started) / 1000).toFixed(1));
    const afterSeed = rssMb(product.pid);

    const count = (match: (doc: GeneratedPolicy) => boolean) => docs.filter(match).length;
    const plain = (doc: GeneratedPolicy) => `${doc.title} ${doc.documentNumber} ${doc.interpretation} ${doc.bodyHtml.replace(/<[^>]+>/g, '')}`;
    const resident = [
      { name: 'resident list, first page', path: '/api/resident/policies?page=1&pageSize=10', expected: DOCUMENTS + 2 },
      { name: 'resident list, category 就业扶持', path: '/api/resident/policies?category=employment&page=1&pageSize=10', expected: count((d) => d.category === 'employment') },
      { name: `resident search “${TITLE_KEYWORD}” (in titles)`, q: TITLE_KEYWORD, expected: count((d) => plain(d).includes(TITLE_KEYWORD)) },
      { name: `resident search “${BODY_KEYWORD}” (only in bodies)`, q: BODY_KEYWORD, expected: count((d) => d.bodyHtml.includes(BODY_KEYWORD)) },
      { name: `resident search “${NUMBER_FRAGMENT}” (文号 fragment)`, q: NUMBER_FRAGMENT, expected: count((d) => d.documentNumber.includes(NUMBER_FRAGMENT)) },
    ].map((entry) => ({ ...entry, path: entry.path ?? `/api/resident/policies?q=${encodeURIComponent(entry.q!)}&page=1&pageSize=10` }));

    const rows: Row[] = [await loadPaths('GET /api/health: baseline (one database ping, no policy work)', baseUrl, ['/api/health'], { connections: CONNECTIONS, seconds: DURATION_S, headers: {} })];
    for (const entry of resident) {
      const matches = await totalOf(baseUrl, entry.path, residentHeaders);
      const row = await loadPaths(`GET ${entry.path.split('?')[0]}: ${entry.name}`, baseUrl, [entry.path], { connections: CONNECTIONS, seconds: DURATION_S, headers: residentHeaders });
      rows.push({ ...row, matches, expected: entry.expected });
      console.log(rows.at(-1));
    }
    const staffPath = '/api/policies?page=1&pageSize=20';
    rows.push({ ...(await loadPaths('GET /api/policies: staff list, first page (county admin)', baseUrl, [staffPath], { connections: CONNECTIONS, seconds: DURATION_S, headers: staffHeaders })), matches: await totalOf(baseUrl, staffPath, staffHeaders), expected: DOCUMENTS + 2 });
    console.log(rows.at(-1));

    const search = searchInProcess(docs, [
      { name: 'list, first page' },
      { name: 'category 就业扶持', category: 'employment' },
      { name: `“${TITLE_KEYWORD}”`, q: TITLE_KEYWORD },
      { name: `“${BODY_KEYWORD}”`, q: BODY_KEYWORD },
      { name: `“${NUMBER_FRAGMENT}”`, q: NUMBER_FRAGMENT },
    ]);
    console.log(search);
    const calculator = calculatorInProcess();
    console.log(calculator);
    const estimate = await estimateLoad(baseUrl);
    console.log(estimate);
    const afterLoad = rssMb(product.pid);

    writeReport({
      date: new Date().toISOString(),
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
      documents: DOCUMENTS,
      seed: {
        directDocuments: directDocs.length,
        directSeconds,
        apiDocuments: API_DOCUMENTS,
        apiSeconds,
        apiDocumentsPerSecond: Number((API_DOCUMENTS / apiSeconds).toFixed(1)),
        apiFailures,
        averageBodyBytes: Math.round(docs.reduce((sum, doc) => sum + Buffer.byteLength(doc.bodyHtml), 0) / docs.length),
        indexLoadSeconds,
      },
      rows,
      serverRssMb: { afterStart, afterSeed, afterLoad },
      search,
      calculator,
      estimate,
      inProcessToHttpRatio: estimate.rps > 0 ? Math.round(calculator.callsPerSecond / estimate.rps) : 0,
    });
  } finally {
    await product.stop();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
