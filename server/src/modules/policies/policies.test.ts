import { Types } from 'mongoose';
import { asResident } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { buildPolicyBody, publishedPolicy, staffClient, type StaffClient } from './policy-test-helpers';

let t: TestApp;
let admin: StaffClient;
let township: StaffClient;
let otherTownship: StaffClient;
let cadre: StaffClient;
let resident: ReturnType<typeof asResident>;

beforeAll(async () => {
  t = await createTestApp();
  admin = staffClient(await t.staffAgent('county_admin'));
  township = staffClient(await t.staffAgent('township_staff', { townshipIndex: 0 }));
  otherTownship = staffClient(await t.staffAgent('township_staff', { townshipIndex: 1 }));
  cadre = staffClient(await t.staffAgent('village_cadre', { townshipIndex: 0 }));
  resident = asResident(t, (await t.residentToken()).token);
});
afterAll(() => t.close());

const countyBody = (overrides = {}) => buildPolicyBody(t.county.code, overrides);
const townshipCode = (index: number) => t.county.children[index].code;
const stored = (collection: string, id: string) => t.connection.db!.collection(collection).findOne({ _id: id.includes(':') ? (id as never) : new Types.ObjectId(id) });

describe('policy documents', () => {
  it('creates a draft only its editors see, then publishes it to every staff role and to anyone reading the mini-program', async () => {
    const created = await admin.post('/api/policies', countyBody());

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: '关于做好避险搬迁群众就业帮扶的通知',
      status: 'draft',
      version: 1,
      divisionCode: t.county.code,
      divisionName: t.county.name,
      attachmentCount: 0,
      attachments: [],
      history: [],
      publishedAt: null,
      canEdit: true,
      allowedActions: ['publish', 'delete'],
      editedBy: expect.any(String),
    });
    const id = created.body.id as string;
    expect((await cadre.get(`/api/policies/${id}`)).status).toBe(404);
    expect((await township.get('/api/policies')).body.items.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await resident.get(`/api/resident/policies/${id}`)).status).toBe(404);
    expect((await t.request().get(`/api/resident/policies/${id}`)).status).toBe(404);
    // The list document holds no body: lists stay small.
    expect(await stored('policies', id)).not.toHaveProperty('bodyHtml');
    expect(await stored('policy_contents', id)).toMatchObject({ bodyHtml: expect.stringContaining('专场招聘会') });

    const published = await admin.post(`/api/policies/${id}/publish`);

    expect(published.body).toMatchObject({ status: 'published', publishedAt: expect.any(String), allowedActions: ['archive'] });
    expect((await cadre.get(`/api/policies/${id}`)).body).toMatchObject({ status: 'published', canEdit: false, allowedActions: [] });
    const forResident = await resident.get(`/api/resident/policies/${id}`);
    expect(forResident.body).toMatchObject({ id, bodyHtml: expect.stringContaining('专场招聘会'), interpretation: '每个月都有招聘会，搬迁户优先。', history: [] });
    expect(forResident.body).not.toHaveProperty('editedBy');
    expect((await resident.get('/api/resident/policies')).body.items.map((p: { id: string }) => p.id)).toContain(id);
    // Reading published policies needs no sign-in.
    expect((await t.request().get(`/api/resident/policies/${id}`)).body).toMatchObject({ id, interpretation: '每个月都有招聘会，搬迁户优先。' });
    expect((await t.request().get('/api/resident/policies')).body.items.map((p: { id: string }) => p.id)).toContain(id);
    const audits = await t.connection.db!.collection('audit_logs').find({ targetType: 'policy', targetId: id }).toArray();
    expect(audits.map((a) => [a.action, a.result])).toEqual([
      ['policy.create', 'success'],
      ['policy.publish', 'success'],
    ]);
  });

  it('keeps every earlier version of a published document readable, and edits a draft in place', async () => {
    const draft = (await admin.post('/api/policies', countyBody({ title: '搬迁户子女就学安排（草稿）' }))).body;
    const editedDraft = await admin.patch(`/api/policies/${draft.id}`, { title: '搬迁户子女就学安排' });
    expect(editedDraft.body).toMatchObject({ version: 1, history: [] });

    await admin.post(`/api/policies/${draft.id}/publish`);
    const second = await admin.patch(`/api/policies/${draft.id}`, { bodyHtml: '<p>第二版正文：就近入学。</p>', documentNumber: '武教发〔2026〕5号' });
    const pinned = await admin.patch(`/api/policies/${draft.id}`, { pinned: true });
    const third = await admin.patch(`/api/policies/${draft.id}`, { title: '搬迁户子女就学安排（修订）' });

    expect(second.body).toMatchObject({ version: 2, documentNumber: '武教发〔2026〕5号', bodyHtml: '<p>第二版正文：就近入学。</p>' });
    expect(pinned.body).toMatchObject({ version: 2, pinned: true });
    expect(third.body.version).toBe(3);
    expect(third.body.history).toEqual([
      { version: 2, title: '搬迁户子女就学安排', editedAt: expect.any(String), editedBy: expect.any(String) },
      { version: 1, title: '搬迁户子女就学安排', editedAt: expect.any(String), editedBy: expect.any(String) },
    ]);
    const first = await admin.get(`/api/policies/${draft.id}/versions/1`);
    expect(first.body).toMatchObject({
      policyId: draft.id,
      version: 1,
      current: false,
      title: '搬迁户子女就学安排',
      documentNumber: '武人社发〔2026〕3号',
      bodyHtml: expect.stringContaining('专场招聘会'),
      editedBy: expect.any(String),
    });
    expect((await admin.get(`/api/policies/${draft.id}/versions/3`)).body).toMatchObject({ current: true, title: '搬迁户子女就学安排（修订）' });
    expect((await admin.get(`/api/policies/${draft.id}/versions/4`)).status).toBe(404);
    const residentView = await resident.get(`/api/resident/policies/${draft.id}/versions/2`);
    expect(residentView.body).toMatchObject({ version: 2, bodyHtml: '<p>第二版正文：就近入学。</p>' });
    expect(residentView.body).not.toHaveProperty('editedBy');
    expect(await stored('policy_versions', `${draft.id}:1`)).toMatchObject({ title: '搬迁户子女就学安排' });
  });

  it('moves through draft → published ⇄ archived, deletes only drafts, and shows residents an archived document by id only', async () => {
    const id = await publishedPolicy(admin, countyBody({ title: '2025 年搬迁奖补办法' }));

    const deletePublished = await admin.delete(`/api/policies/${id}`);
    const archived = await admin.post(`/api/policies/${id}/archive`);
    const archiveAgain = await admin.post(`/api/policies/${id}/archive`);

    expect([deletePublished.status, deletePublished.body.error.code]).toEqual([409, 'POLICY_TRANSITION_NOT_ALLOWED']);
    expect(archived.body).toMatchObject({ status: 'archived', allowedActions: ['publish'] });
    expect(archiveAgain.status).toBe(409);
    expect((await resident.get(`/api/resident/policies/${id}`)).body).toMatchObject({ status: 'archived' });
    expect((await resident.get('/api/resident/policies')).body.items.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await admin.post(`/api/policies/${id}/publish`)).body.status).toBe('published');

    const draft = (await admin.post('/api/policies', countyBody())).body;
    expect((await admin.delete(`/api/policies/${draft.id}`)).status).toBe(204);
    expect((await admin.get(`/api/policies/${draft.id}`)).status).toBe(404);
    expect(await stored('policy_contents', draft.id)).toBeNull();
  });

  it('orders lists pinned first, then by publish date, newest first', async () => {
    const older = await publishedPolicy(admin, countyBody({ title: '排序测试 旧文件', publishDate: '2026-01-05', category: 'community' }));
    const newer = await publishedPolicy(admin, countyBody({ title: '排序测试 新文件', publishDate: '2026-05-05', category: 'community' }));
    const pinned = await publishedPolicy(admin, countyBody({ title: '排序测试 置顶文件', publishDate: '2025-12-01', category: 'community', pinned: true }));

    const list = await resident.get('/api/resident/policies', { category: 'community' });
    const staffList = await admin.get('/api/policies', { category: 'community', pageSize: 2 });

    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([pinned, newer, older]);
    expect(list.body).toMatchObject({ total: 3, page: 1, pageSize: 10 });
    expect(list.body.items[0]).not.toHaveProperty('bodyHtml');
    expect(staffList.body).toMatchObject({ total: 3, pageSize: 2 });
    expect(staffList.body.items.map((p: { id: string }) => p.id)).toEqual([pinned, newer]);
  });
});

describe('who may write which document', () => {
  it('lets township staff write their own township’s documents and only read county ones', async () => {
    const countyId = await publishedPolicy(admin, countyBody({ title: '县级文件：township 只读' }));

    const ownCreate = await township.post('/api/policies', buildPolicyBody(townshipCode(0), { title: '本镇搬迁户就业指引' }));
    const countyCreate = await township.post('/api/policies', countyBody());
    const otherCreate = await township.post('/api/policies', buildPolicyBody(townshipCode(1)));
    const countyRead = await township.get(`/api/policies/${countyId}`);
    const countyEdit = await township.patch(`/api/policies/${countyId}`, { title: '改不了的县级文件' });
    const countyArchive = await township.post(`/api/policies/${countyId}/archive`);
    const moveToCounty = await township.patch(`/api/policies/${ownCreate.body.id}`, { divisionCode: t.county.code });

    expect(ownCreate.status).toBe(201);
    expect(ownCreate.body).toMatchObject({ divisionCode: townshipCode(0), divisionName: t.county.children[0].name, canEdit: true });
    for (const refused of [countyCreate, otherCreate, countyEdit, countyArchive, moveToCounty]) {
      expect([refused.status, refused.body.error.code]).toEqual([403, 'OUT_OF_SCOPE']);
    }
    expect(countyRead.body).toMatchObject({ id: countyId, canEdit: false, allowedActions: [] });
    expect((await admin.get(`/api/policies/${countyId}`)).body.title).toBe('县级文件：township 只读');
    const refusedAudit = await t.connection.db!.collection('audit_logs').findOne({ action: 'policy.update', targetId: countyId });
    expect(refusedAudit).toMatchObject({ result: 'failure', detail: 'OUT_OF_SCOPE' });
  });

  it('hides another township’s draft (404) and refuses edits to its published documents (403)', async () => {
    const draft = (await township.post('/api/policies', buildPolicyBody(townshipCode(0), { title: '本镇草稿' }))).body;
    const published = await publishedPolicy(township, buildPolicyBody(townshipCode(0), { title: '本镇已发布' }));

    expect((await otherTownship.get(`/api/policies/${draft.id}`)).status).toBe(404);
    expect((await otherTownship.patch(`/api/policies/${draft.id}`, { title: '偷改' })).status).toBe(404);
    expect((await otherTownship.get(`/api/policies/${published}`)).body.canEdit).toBe(false);
    expect((await otherTownship.patch(`/api/policies/${published}`, { title: '偷改' })).status).toBe(403);
    expect((await otherTownship.get('/api/policies')).body.items.map((p: { id: string }) => p.id)).not.toContain(draft.id);
    // The county admin edits any township's document.
    expect((await admin.patch(`/api/policies/${draft.id}`, { title: '县里改过的本镇草稿' })).status).toBe(200);
  });

  it('lets other staff roles read published documents but not write', async () => {
    const hr = staffClient(await t.staffAgent('hr_staff'));
    const id = await publishedPolicy(admin, countyBody({ title: '人社局能看的文件' }));

    expect((await hr.get(`/api/policies/${id}`)).status).toBe(200);
    expect((await hr.patch(`/api/policies/${id}`, { title: 'x' })).status).toBe(403);
    expect((await cadre.post('/api/policies', countyBody())).status).toBe(403);
  });
});

describe('rich text', () => {
  it('strips scripts, event handlers, javascript: links, iframes and styles before storing, and keeps the allowed markup', async () => {
    const dirty = [
      '<h2>第一条</h2>',
      '<p onclick="steal()">正文<script>alert(document.cookie)</script>继续</p>',
      '<p><a href="javascript:alert(1)">坏链接</a> <a href="JaVaScRiPt&#58;alert(2)">编码的坏链接</a> <a href="https://www.gov.cn/zhengce/" onmouseover="x()">好链接</a></p>',
      '<img src="x" onerror="alert(3)"><img src="https://example.gov.cn/a.png" alt="示意图" onload="y()">',
      '<iframe src="https://evil.example/"><p>框架里的字</p></iframe>',
      '<p style="position:fixed" class="x">有样式</p><style>p{display:none}</style>',
      '<div><span>被拆开的标签</span></div>',
      '<table><tbody><tr><td colspan="2" onclick="z()">表格</td></tr></tbody></table>',
      '<a href="/relative/path">相对链接</a><a href="data:text/html;base64,PHNjcmlwdD4=">data 链接</a>',
    ].join('');

    const created = await admin.post('/api/policies', countyBody({ title: '<script>alert("标题")</script>标题照原样保存', bodyHtml: dirty }));

    expect(created.status).toBe(201);
    const html = created.body.bodyHtml as string;
    expect(html).toBe(
      [
        '<h2>第一条</h2>',
        '<p>正文继续</p>',
        '<p><a>坏链接</a> <a>编码的坏链接</a> <a href="https://www.gov.cn/zhengce/">好链接</a></p>',
        '<img src="https://example.gov.cn/a.png" alt="示意图" />',
        '<p>有样式</p>',
        '被拆开的标签',
        '<table><tbody><tr><td colspan="2">表格</td></tr></tbody></table>',
        '<a>相对链接</a><a>data 链接</a>',
      ].join(''),
    );
    for (const banned of [/<script/i, /on\w+=/i, /javascript:/i, /<iframe/i, /框架里的字/, /style=/i, /<style/i, /data:/i]) expect(html).not.toMatch(banned);
    expect((await stored('policy_contents', created.body.id))!.bodyHtml).toBe(html);
    // Titles are plain text: stored as typed, never interpreted as markup.
    expect(created.body.title).toBe('<script>alert("标题")</script>标题照原样保存');
  });

  it('refuses a body that is nothing but stripped markup, naming the field', async () => {
    const response = await admin.post('/api/policies', countyBody({ bodyHtml: '<script>alert(1)</script><iframe src="https://x.example/"></iframe>' }));

    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([{ field: 'body.bodyHtml', message: expect.any(String) }]);
  });

  it('sanitises an edited body too', async () => {
    const id = await publishedPolicy(admin, countyBody());
    const edited = await admin.patch(`/api/policies/${id}`, { bodyHtml: '<p>新正文<img src=x onerror=alert(1)></p>' });

    expect(edited.body.bodyHtml).toBe('<p>新正文</p>');
  });
});

describe('bad input', () => {
  it.each([
    ['a missing title', { title: undefined }, 'body.title'],
    ['a village as owner', { divisionCode: '__village__' }, 'body.divisionCode'],
    ['an end before the start', { effectiveFrom: '2026-05-01', effectiveTo: '2026-04-30' }, 'body.effectiveTo'],
    ['an unknown category', { category: 'tax' }, 'body.category'],
    ['an impossible date', { publishDate: '2026-02-30' }, 'body.publishDate'],
  ])('refuses %s with 400 naming the field', async (_name, overrides, field) => {
    const body: Record<string, unknown> = { ...countyBody(), ...overrides };
    if (body.divisionCode === '__village__') body.divisionCode = t.county.children[0].children[0].code;

    const response = await admin.post('/api/policies', body);

    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('checks an edited end date against the stored start date', async () => {
    const id = (await admin.post('/api/policies', countyBody({ effectiveFrom: '2026-06-01' }))).body.id;

    const response = await admin.patch(`/api/policies/${id}`, { effectiveTo: '2026-05-31' });

    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([{ field: 'body.effectiveTo', message: '失效日期不能早于施行日期' }]);
  });

  it('refuses a division outside the county, naming the field', async () => {
    const response = await admin.post('/api/policies', countyBody({ divisionCode: '110101000000' }));

    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([{ field: 'body.divisionCode', message: '本县没有这个行政区划' }]);
  });
});
