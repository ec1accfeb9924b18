import { asResident } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { connectDatabase } from '../../db/connect';
import { createServices } from '../../services';
import { buildPolicyBody, publishedPolicy, staffClient, type StaffClient } from './policy-test-helpers';

let t: TestApp;
let admin: StaffClient;
let resident: ReturnType<typeof asResident>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  admin = staffClient(await t.staffAgent('county_admin'));
  resident = asResident(t, (await t.residentToken()).token);
  const body = (overrides: object) => buildPolicyBody(t.county.code, overrides);
  ids.relocation = await publishedPolicy(
    admin,
    body({ title: '易地避险搬迁安置办法', documentNumber: '武府发〔2026〕7号', bodyHtml: '<p>安置房按<strong>人均 25 平方米</strong>建设，配套幼儿园。</p>', interpretation: '' }),
  );
  ids.jobs = await publishedPolicy(
    admin,
    body({ title: 'Job Fair 招聘会安排', documentNumber: '武人社发〔2026〕11号', bodyHtml: '<p>家政服务、电子商务培训。</p>', interpretation: '培训合格发结业证书' }),
  );
  ids.draft = (await admin.post('/api/policies', body({ title: '未发布的安置办法草稿', bodyHtml: '<p>幼儿园草稿</p>' }))).body.id;
  ids.archived = await publishedPolicy(admin, body({ title: '旧安置办法（已归档）', bodyHtml: '<p>幼儿园旧规定</p>' }));
  await admin.post(`/api/policies/${ids.archived}/archive`);
});
afterAll(() => t.close());

const found = async (q: string) => (await resident.get('/api/resident/policies', { q })).body.items.map((p: { id: string }) => p.id);

describe('keyword search', () => {
  it.each([
    ['a title word', '避险搬迁', ['relocation']],
    ['a document number (文号)', '武人社发〔2026〕11号', ['jobs']],
    ['part of a document number', '〔2026〕7', ['relocation']],
    ['a body word inside markup', '人均 25 平方米', ['relocation']],
    ['an interpretation word', '结业证书', ['jobs']],
    ['latin text in any case', 'job fair', ['jobs']],
    ['a single character', '园', ['relocation']],
  ])('finds published documents by %s', async (_name, q, expected) => {
    expect(await found(q)).toEqual(expected.map((key) => ids[key]));
  });

  it('never shows residents drafts or archived documents, while staff search every document they may see', async () => {
    expect(await found('幼儿园')).toEqual([ids.relocation]);
    const staff = await admin.get('/api/policies', { q: '幼儿园' });
    expect(new Set(staff.body.items.map((p: { id: string }) => p.id))).toEqual(new Set([ids.relocation, ids.draft, ids.archived]));
    expect((await admin.get('/api/policies', { q: '幼儿园', status: 'draft' })).body.items.map((p: { id: string }) => p.id)).toEqual([ids.draft]);
  });

  it('treats the query literally, not as a pattern', async () => {
    expect(await found('.*')).toEqual([]);
    expect(await found('(2026')).toEqual([]);
    expect(await found('〔2026〕')).toHaveLength(2);
  });

  it('finds a document by its new words right after an edit, and no longer by the old ones', async () => {
    await admin.patch(`/api/policies/${ids.jobs}`, { bodyHtml: '<p>建筑施工技能培训。</p>' });

    expect(await found('建筑施工')).toEqual([ids.jobs]);
    expect(await found('家政服务')).toEqual([]);
  });

  it('stays correct in another server process that shares the database', async () => {
    const connection = await connectDatabase(t.config.mongodbUri!, t.config.mongodbDb);
    try {
      const other = createServices({ connection, config: t.config, wechat: {} as never });
      const search = (q: string) => other.policies.listForResident({ q, page: 1, pageSize: 10 }).then((page) => page.items.map((p) => p.id));
      expect(await search('避险搬迁')).toEqual([ids.relocation]);

      // Written through this process; the other one notices by the change token.
      const added = await publishedPolicy(admin, buildPolicyBody(t.county.code, { title: '搬迁户医保接续办法', bodyHtml: '<p>医保关系转移接续。</p>' }));
      await admin.post(`/api/policies/${ids.relocation}/archive`);

      expect(await search('医保关系')).toEqual([added]);
      expect(await search('避险搬迁')).toEqual([]);
    } finally {
      await connection.close();
    }
  });
});

describe('a server starting with many documents', () => {
  it('finds each by a word only its body has (the bodies are read in one pass)', async () => {
    const bulk = [];
    for (let i = 0; i < 25; i += 1) {
      bulk.push(await publishedPolicy(admin, buildPolicyBody(t.county.code, { title: `搬迁后续扶持通知第${i}号`, bodyHtml: `<p>专项条款甲${i}乙。</p>` })));
    }
    const connection = await connectDatabase(t.config.mongodbUri!, t.config.mongodbDb);
    try {
      const fresh = createServices({ connection, config: t.config, wechat: {} as never });
      const search = (q: string) => fresh.policies.listForResident({ q, page: 1, pageSize: 10 }).then((page) => page.items.map((p) => p.id));

      expect(await search('条款甲7乙')).toEqual([bulk[7]]);
      expect(await search('条款甲24乙')).toEqual([bulk[24]]);
    } finally {
      await connection.close();
    }
  });
});

describe('the resident list', () => {
  it('pages by 10 by default and at most 20, and filters by category', async () => {
    const tooBig = await resident.get('/api/resident/policies', { pageSize: '21' });
    const employment = await resident.get('/api/resident/policies', { category: 'employment' });

    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.details[0].field).toBe('query.pageSize');
    expect(employment.body).toMatchObject({ page: 1, pageSize: 10 });
    expect(employment.body.items.every((p: { category: string }) => p.category === 'employment')).toBe(true);
  });
});
