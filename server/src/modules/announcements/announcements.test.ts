import { Types } from 'mongoose';
import { type StaffRole } from '@anqian/shared';
import { asStaff, villageOf } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { createChangeToken } from '../../db/change-token';
import { REGISTRATION_SUMMARIES_CHANGE_TOKEN } from '../registrations/registration-summaries';
import { buildAnnouncementBody, hoursFromNow, residentIn } from './announcement-test-helpers';

let t: TestApp;
let staff: Record<'admin' | 'townA' | 'townB' | 'cadreA' | 'hr', ReturnType<typeof asStaff>>;
let uploader: Awaited<ReturnType<TestApp['staffAgent']>>;
let area: { county: string; townA: string; townB: string; villageA0: string; villageA1: string; villageB0: string };

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(200, 0x20), Buffer.from('\n%%EOF\n')]);

beforeAll(async () => {
  t = await createTestApp();
  const agent = async (role: StaffRole, townshipIndex = 0) => asStaff(await t.staffAgent(role, { townshipIndex }));
  staff = { admin: await agent('county_admin'), townA: await agent('township_staff', 0), townB: await agent('township_staff', 1), cadreA: await agent('village_cadre', 0), hr: await agent('hr_staff') };
  uploader = await t.staffAgent('township_staff', { townshipIndex: 0 });
  area = {
    county: t.county.code,
    townA: t.county.children[0].code,
    townB: t.county.children[1].code,
    villageA0: villageOf(t.county, 0, 0),
    villageA1: villageOf(t.county, 0, 1),
    villageB0: villageOf(t.county, 1, 0),
  };
});
afterAll(() => t.close());

const announcements = () => t.connection.collection('announcements');
const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((item) => item.id);

/** Created and published by `who`; returns its id. */
async function published(who: keyof typeof staff, divisionCode: string, overrides: Parameters<typeof buildAnnouncementBody>[1] = {}): Promise<string> {
  const created = await staff[who].post('/api/announcements', buildAnnouncementBody(divisionCode, overrides));
  expect(created.status).toBe(201);
  const publishing = await staff[who].post(`/api/announcements/${created.body.id}/publish`);
  expect(publishing.status).toBe(200);
  return created.body.id;
}

describe('who may publish where', () => {
  it.each([
    ['county admin', 'admin', 'county', 'notice', 201],
    ['county admin', 'admin', 'villageB0', 'hazard_alert', 201],
    ['township staff', 'townA', 'townA', 'utility_outage', 201],
    ['township staff', 'townA', 'villageA1', 'meeting', 201],
    ['township staff', 'townA', 'townB', 'notice', 403],
    ['township staff', 'townA', 'villageB0', 'notice', 403],
    ['township staff', 'townA', 'county', 'notice', 403],
    ['village cadre', 'cadreA', 'villageA0', 'meeting', 201],
    ['village cadre', 'cadreA', 'villageA1', 'meeting', 403],
    ['village cadre', 'cadreA', 'townA', 'meeting', 403],
    ['hr staff', 'hr', 'county', 'notice', 201],
    ['hr staff', 'hr', 'county', 'policy_promotion', 201],
    ['hr staff', 'hr', 'county', 'hazard_alert', 403],
    ['hr staff', 'hr', 'townA', 'notice', 403],
  ] as const)('%s (%s) to %s, type %s: %i', async (_, who, where, type, status) => {
    const before = await announcements().countDocuments();
    const body = buildAnnouncementBody(area[where], { type, ...(type === 'hazard_alert' && { expiresAt: hoursFromNow(t, 48) }) });
    const response = await staff[who].post('/api/announcements', body);
    expect(response.status).toBe(status);
    if (status === 403) {
      expect(response.body.error.details[0].field).toBe(who === 'hr' && where === 'county' ? 'body.type' : 'body.divisionCode');
      expect(await announcements().countDocuments()).toBe(before);
    } else {
      expect(await t.connection.collection('audit_logs').countDocuments({ action: 'announcement.create', targetId: response.body.id, result: 'success' })).toBe(1);
    }
  });

  it('keeps another township’s announcement out of reach: not listed, not readable, not publishable, no receipts', async () => {
    const draft = await staff.townA.post('/api/announcements', buildAnnouncementBody(area.townA, { mustRead: true }));
    const id = draft.body.id as string;
    expect(ids(await staff.townB.get('/api/announcements', { pageSize: 100 }))).not.toContain(id);
    expect(ids(await staff.townA.get('/api/announcements', { pageSize: 100 }))).toContain(id);
    for (const request of [
      staff.townB.get(`/api/announcements/${id}`),
      staff.townB.patch(`/api/announcements/${id}`, { title: '改掉别人的通知' }),
      staff.townB.post(`/api/announcements/${id}/publish`),
      staff.townB.get(`/api/announcements/${id}/receipts`),
      staff.townB.get(`/api/announcements/${id}/unread`),
    ]) {
      expect((await request).status).toBe(404);
    }
    expect((await announcements().findOne({ title: '改掉别人的通知' }))).toBeNull();
    await staff.townA.post(`/api/announcements/${id}/publish`);
    expect((await staff.townB.post(`/api/announcements/${id}/withdraw`)).status).toBe(404);
    expect((await staff.admin.get(`/api/announcements/${id}/receipts`)).status).toBe(200);
  });

  it('lets hr staff read the county’s announcements but not change a hazard alert', async () => {
    const id = await published('admin', area.county, { type: 'hazard_alert', expiresAt: hoursFromNow(t, 24) });
    expect((await staff.hr.get(`/api/announcements/${id}`)).body).toMatchObject({ canEdit: false, allowedActions: [] });
    expect((await staff.hr.post(`/api/announcements/${id}/withdraw`)).status).toBe(403);
    expect((await staff.admin.post(`/api/announcements/${id}/withdraw`)).body.status).toBe('withdrawn');
  });
});

describe('what residents see', () => {
  it('shows exactly their village, township and county announcements, pinned first, newest next, unread marked', async () => {
    const county = await published('admin', area.county, { title: '全县：搬迁政策宣讲' });
    const township = await published('townA', area.townA, { title: '本镇：周六停电', type: 'utility_outage' });
    const village = await published('cadreA', area.villageA0, { title: '本村：村民大会', type: 'meeting' });
    const pinned = await published('townA', area.townA, { title: '本镇：置顶通知', pinned: true });
    const otherVillage = await published('townA', area.villageA1, { title: '邻村：修路' });
    const otherTownship = await published('townB', area.townB, { title: '外镇：停水' });
    const draft = (await staff.townA.post('/api/announcements', buildAnnouncementBody(area.townA, { title: '本镇：草稿' }))).body.id;

    const { resident } = await residentIn(t, { household: area.villageA0 });
    const list = await resident.get('/api/resident/announcements', { pageSize: '20' });
    expect(list.status).toBe(200);
    const seen = ids(list);
    expect(seen).toEqual(expect.arrayContaining([county, township, village, pinned]));
    for (const hidden of [otherVillage, otherTownship, draft]) expect(seen).not.toContain(hidden);
    expect(seen[0]).toBe(pinned);
    expect(seen.indexOf(village)).toBeLessThan(seen.indexOf(township));
    expect(list.body.area).toMatchObject({ source: 'household', villages: [{ code: area.villageA0 }] });
    expect(list.body.items.every((item: { read: boolean }) => !item.read)).toBe(true);
    expect(list.body.unread).toBe(list.body.total);

    for (const hidden of [otherVillage, otherTownship, draft]) expect((await resident.get(`/api/resident/announcements/${hidden}`)).status).toBe(404);
    const opened = await resident.get(`/api/resident/announcements/${village}`);
    expect(opened.body).toMatchObject({ title: '本村：村民大会', bodyHtml: expect.stringContaining('户口本'), read: true });
    const after = await resident.get('/api/resident/announcements', { pageSize: '20' });
    expect(after.body.items.find((item: { id: string }) => item.id === village).read).toBe(true);
    expect(after.body.unread).toBe(list.body.unread - 1);

    const page = await resident.get('/api/resident/announcements', { pageSize: '2', page: '2' });
    expect(ids(page)).toEqual(seen.slice(2, 4));
  });

  it('lets a resident without a household file choose a village once the county list is all they have', async () => {
    const county = await published('admin', area.county, { title: '全县通知' });
    const elsewhere = await published('townB', area.townB, { title: '外镇通知' });
    const { resident } = await residentIn(t);
    const before = await resident.get('/api/resident/announcements', { pageSize: '20' });
    expect(before.body.area).toBeNull();
    expect(ids(before)).toContain(county);
    expect(ids(before)).not.toContain(elsewhere);

    const chosen = await resident.put('/api/resident/announcement-area', { villageCode: area.villageB0 });
    expect(chosen.body.area).toMatchObject({ source: 'chosen', villages: [{ code: area.villageB0, townshipCode: area.townB }] });
    expect(ids(await resident.get('/api/resident/announcements', { pageSize: '20' }))).toEqual(expect.arrayContaining([county, elsewhere]));

    expect((await resident.put('/api/resident/announcement-area', { villageCode: area.townA })).body.error.details[0]).toMatchObject({ field: 'body.villageCode' });
    const withHousehold = await residentIn(t, { household: area.villageA0 });
    const refused = await withHousehold.resident.put('/api/resident/announcement-area', { villageCode: area.villageB0 });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'ANNOUNCEMENT_AREA_FROM_HOUSEHOLD']);
  });

  it('follows the household file when it moves or goes, within ten minutes', async () => {
    const village = await published('cadreA', area.villageA0, { title: '原村通知' });
    const elsewhere = await published('townB', area.villageB0, { title: '新村通知' });
    const { resident, residentId } = await residentIn(t, { household: area.villageA0 });
    expect(ids(await resident.get('/api/resident/announcements', { pageSize: '20' }))).toContain(village);

    const summaries = t.connection.collection('registration_summaries');
    const mine = { residentId: new Types.ObjectId(residentId) };
    const summariesChanged = createChangeToken(t.connection, REGISTRATION_SUMMARIES_CHANGE_TOKEN);
    expect((await summaries.updateMany(mine, { $set: { divisionCode: area.villageB0 } })).modifiedCount).toBeGreaterThan(0);
    await summariesChanged.bump();
    t.clock.advanceDays(1);
    const moved = await resident.get('/api/resident/announcements', { pageSize: '20' });
    expect(moved.body.area).toMatchObject({ source: 'household', villages: [{ code: area.villageB0 }] });
    expect(ids(moved)).toContain(elsewhere);
    expect(ids(moved)).not.toContain(village);

    await summaries.deleteMany(mine);
    await summariesChanged.bump();
    t.clock.advanceDays(1);
    const gone = await resident.get('/api/resident/announcements', { pageSize: '20' });
    expect(gone.body.area).toBeNull();
    expect(ids(gone)).not.toContain(elsewhere);
  });
});

describe('read receipts', () => {
  it('records one receipt however often and however fast a resident opens it, counted by village', async () => {
    // A township of its own, so residents of other tests do not count.
    const townC = asStaff(await t.staffAgent('township_staff', { townshipIndex: 2 }));
    const [villageC0, villageC1] = [villageOf(t.county, 2, 0), villageOf(t.county, 2, 1)];
    const created = await townC.post('/api/announcements', buildAnnouncementBody(t.county.children[2].code, { title: '须阅知：汛期转移演练', mustRead: true }));
    const id = created.body.id as string;
    await townC.post(`/api/announcements/${id}/publish`);
    const reader = await residentIn(t, { household: villageC0 });
    const notYet = await residentIn(t, { household: villageC0, phone: '13912345678' });
    const otherVillage = await residentIn(t, { chosen: villageC1 });
    await residentIn(t, { chosen: area.villageB0 });

    const opens = await Promise.all([1, 2, 3, 4].map(() => reader.resident.get(`/api/resident/announcements/${id}`)));
    expect(opens.map((open) => open.status)).toEqual([200, 200, 200, 200]);
    await otherVillage.resident.get(`/api/resident/announcements/${id}`);
    expect(await t.connection.collection('announcement_reads').countDocuments({ announcementId: id })).toBe(2);

    const receipts = await townC.get(`/api/announcements/${id}/receipts`);
    expect(receipts.status).toBe(200);
    const byVillage = Object.fromEntries(receipts.body.byVillage.map((row: { villageCode: string }) => [row.villageCode, row]));
    expect(byVillage[villageC0]).toMatchObject({ audience: 2, read: 1, unread: 1 });
    expect(byVillage[villageC1]).toMatchObject({ audience: 1, read: 1, unread: 0 });
    expect(byVillage[area.villageB0]).toBeUndefined();
    expect(receipts.body).toMatchObject({ audience: 3, read: 2, unread: 1 });

    const unread = await townC.get(`/api/announcements/${id}/unread`, { villageCode: villageC0 });
    expect(unread.body).toMatchObject({ total: 1, items: [{ residentId: notYet.residentId, villageCode: villageC0, phoneMasked: '139****5678', source: 'household' }] });
    expect(JSON.stringify(unread.body)).not.toContain('13912345678');

    const revealed = await townC.post(`/api/announcements/${id}/unread/${notYet.residentId}/reveal-phone`);
    expect(revealed.body).toEqual({ phone: '13912345678' });
    expect(await t.connection.collection('audit_logs').countDocuments({ action: 'announcement.reveal-phone', targetId: id, result: 'success' })).toBe(1);
    const outsider = await residentIn(t, { chosen: area.villageB0, phone: '13800001111' });
    expect((await townC.post(`/api/announcements/${id}/unread/${outsider.residentId}/reveal-phone`)).status).toBe(404);
    expect((await staff.townA.get(`/api/announcements/${id}/receipts`)).status).toBe(404);
    expect((await staff.townA.post(`/api/announcements/${id}/unread/${notYet.residentId}/reveal-phone`)).status).toBe(404);
  });
});

describe('read marks across server processes', () => {
  let other: Awaited<ReturnType<TestApp['anotherProcess']>>['services'];
  let closeOther: () => Promise<void>;
  beforeAll(async () => {
    ({ services: other, close: closeOther } = await t.anotherProcess());
  });
  afterAll(() => closeOther());

  const readMark = async (resident: Awaited<ReturnType<typeof residentIn>>['resident'], id: string) =>
    (await resident.get('/api/resident/announcements', { pageSize: '20' })).body.items.find((item: { id: string }) => item.id === id).read;

  it('shows an announcement opened through another server process as read, and one opened here as read there', async () => {
    const first = await published('cadreA', area.villageA0, { title: '本村：通水通知' });
    const second = await published('townA', area.villageA0, { title: '本村：山体滑坡预警', type: 'hazard_alert', expiresAt: hoursFromNow(t, 24) });
    const { resident, residentId } = await residentIn(t, { household: area.villageA0 });
    expect(await readMark(resident, first)).toBe(false);
    expect((await other.announcements.listForResident(residentId, { page: 1, pageSize: 20 })).items.find((item) => item.id === second)!.read).toBe(false);

    await other.announcements.getForResident(residentId, first);
    expect(await readMark(resident, first)).toBe(true);
    expect((await resident.get('/api/resident/announcements/alert')).body.alert).toMatchObject({ id: second, read: false });

    expect((await resident.get(`/api/resident/announcements/${second}`)).status).toBe(200);
    expect((await other.announcements.listForResident(residentId, { page: 1, pageSize: 20 })).items.find((item) => item.id === second)!.read).toBe(true);
    expect((await resident.get('/api/resident/announcements/alert')).body.alert).toMatchObject({ id: second, read: true });
    expect(await readMark(resident, first)).toBe(true);
  });
});

describe('schedule, withdraw and expiry', () => {
  it('publishes a scheduled announcement at its set time, not before', async () => {
    const created = await staff.townA.post('/api/announcements', buildAnnouncementBody(area.townA, { title: '定时：明早停水', publishAt: hoursFromNow(t, 12) }));
    const scheduled = await staff.townA.post(`/api/announcements/${created.body.id}/publish`);
    expect(scheduled.body).toMatchObject({ status: 'scheduled', publishedAt: null, allowedActions: ['publish', 'unschedule'] });
    const { resident } = await residentIn(t, { household: area.villageA0 });
    expect(await t.services.announcements.publishDue()).toMatchObject({ published: 0 });
    expect(ids(await resident.get('/api/resident/announcements', { pageSize: '20' }))).not.toContain(created.body.id);

    t.clock.advanceDays(1);
    expect(await t.services.announcements.publishDue()).toMatchObject({ published: 1 });
    expect(await t.services.announcements.publishDue()).toMatchObject({ published: 0 });
    expect((await staff.townA.get(`/api/announcements/${created.body.id}`)).body).toMatchObject({ status: 'published', viewStatus: 'published' });
    expect(ids(await resident.get('/api/resident/announcements', { pageSize: '20' }))).toContain(created.body.id);
  });

  it('cancels a schedule back to a draft', async () => {
    const created = await staff.townA.post('/api/announcements', buildAnnouncementBody(area.townA, { publishAt: hoursFromNow(t, 30) }));
    await staff.townA.post(`/api/announcements/${created.body.id}/publish`);
    expect((await staff.townA.post(`/api/announcements/${created.body.id}/unschedule`)).body.status).toBe('draft');
    expect((await staff.townA.post(`/api/announcements/${created.body.id}/unschedule`)).status).toBe(409);
  });

  it('withdraws: residents no longer see it, and a published one cannot be edited or withdrawn twice', async () => {
    const id = await published('townA', area.townA, { title: '将要撤回的通知' });
    const { resident } = await residentIn(t, { household: area.villageA0 });
    expect(ids(await resident.get('/api/resident/announcements', { pageSize: '20' }))).toContain(id);
    expect((await staff.townA.patch(`/api/announcements/${id}`, { title: '发布后再改' })).status).toBe(409);
    const withdrawn = await staff.townA.post(`/api/announcements/${id}/withdraw`);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String) });
    expect(ids(await resident.get('/api/resident/announcements', { pageSize: '20' }))).not.toContain(id);
    expect((await resident.get(`/api/resident/announcements/${id}`)).status).toBe(404);
    expect((await staff.townA.post(`/api/announcements/${id}/withdraw`)).status).toBe(409);
    expect(await t.connection.collection('audit_logs').countDocuments({ action: 'announcement.withdraw', targetId: id, result: 'success' })).toBe(1);
  });

  it('hides an expired announcement from residents and shows it as expired to staff', async () => {
    const id = await published('townA', area.townA, { title: '一天后过期', expiresAt: hoursFromNow(t, 20) });
    const { resident } = await residentIn(t, { household: area.villageA0 });
    expect(ids(await resident.get('/api/resident/announcements', { pageSize: '20' }))).toContain(id);
    t.clock.advanceDays(1);
    expect(ids(await resident.get('/api/resident/announcements', { pageSize: '20' }))).not.toContain(id);
    expect((await staff.townA.get(`/api/announcements/${id}`)).body.viewStatus).toBe('expired');
    expect(ids(await staff.townA.get('/api/announcements', { status: 'expired', pageSize: 100 }))).toContain(id);
    expect(ids(await staff.townA.get('/api/announcements', { status: 'published', pageSize: 100 }))).not.toContain(id);
  });
});

describe('content and attachments', () => {
  it('keeps only the allowlisted rich text: scripts, handlers and javascript: links are gone', async () => {
    const created = await staff.townA.post(
      '/api/announcements',
      buildAnnouncementBody(area.townA, { bodyHtml: '<p onclick="steal()">明天<strong>停电</strong></p><script>alert(1)</script><a href="javascript:alert(1)">详情</a><img src="x" onerror="alert(1)">' }),
    );
    expect(created.status).toBe(201);
    expect(created.body.bodyHtml).toBe('<p>明天<strong>停电</strong></p><a>详情</a>');
    const stored = await announcements().findOne({ title: created.body.title, bodyHtml: created.body.bodyHtml });
    expect(stored).not.toBeNull();
  });

  it('attaches a PDF and a photo that residents of the area can open and others cannot', async () => {
    const upload = (content: Buffer, name: string) => uploader.agent.post('/api/announcement-attachments').set('X-CSRF-Token', uploader.csrf).attach('file', content, name);
    const pdf = await upload(PDF, '停水范围.pdf');
    const photo = await upload(PNG, '现场.png');
    expect([pdf.status, pdf.body.mimeType, photo.body.mimeType]).toEqual([201, 'application/pdf', 'image/png']);
    const mine = asStaff(uploader);
    const created = await mine.post('/api/announcements', buildAnnouncementBody(area.townA, { attachmentIds: [pdf.body.id, photo.body.id] }));
    const id = created.body.id as string;
    expect((await mine.post(`/api/announcements/${id}/publish`)).status).toBe(200);
    expect((await staff.townA.post('/api/announcements', buildAnnouncementBody(area.townA, { attachmentIds: [pdf.body.id] }))).body.error.details[0].field).toBe('body.attachmentIds.0');
    const inArea = await residentIn(t, { household: area.villageA0 });
    const outside = await residentIn(t, { chosen: area.villageB0 });
    const opened = await inArea.resident.get(`/api/resident/announcement-attachments/${photo.body.id}`);
    expect([opened.status, opened.headers['content-type']]).toEqual([200, 'image/png']);
    expect((await outside.resident.get(`/api/resident/announcement-attachments/${pdf.body.id}`)).status).toBe(404);
    expect((await inArea.resident.get(`/api/resident/announcements/${id}`)).body.attachments).toHaveLength(2);
    expect((await staff.townB.get(`/api/announcement-attachments/${pdf.body.id}`)).status).toBe(404);
  });

  it('refuses a file that only pretends to be a PDF, and stores nothing', async () => {
    const before = await t.connection.collection('announcement_attachments').countDocuments();
    const response = await uploader.agent
      .post('/api/announcement-attachments')
      .set('X-CSRF-Token', uploader.csrf)
      .attach('file', Buffer.from('<html><script>alert(1)</script></html>'), { filename: '通知.pdf', contentType: 'application/pdf' });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'ANNOUNCEMENT_ATTACHMENT_INVALID', details: [{ field: 'file' }] });
    expect(await t.connection.collection('announcement_attachments').countDocuments()).toBe(before);
  });

  it.each([
    ['an oversized title', { title: '标'.repeat(61) }, 'body.title', /最多 60/],
    ['an oversized body', { bodyHtml: `<p>${'字'.repeat(40_000)}</p>` }, 'body.bodyHtml', /正文太长/],
    ['a body with nothing to show', { bodyHtml: '<script>alert(1)</script>' }, 'body.bodyHtml', /没有可显示/],
    ['an operator as the type', { type: { $ne: 'notice' } }, 'body.type', /./],
    ['an operator as the area', { divisionCode: { $regex: '.*' } }, 'body.divisionCode', /./],
    ['a hazard alert without an expiry', { type: 'hazard_alert' }, 'body.expiresAt', /失效时间/],
    ['an expiry before the set publishing time', { publishAt: '2030-01-02T00:00:00+08:00', expiresAt: '2030-01-01T00:00:00+08:00' }, 'body.expiresAt', /晚于/],
    ['an expiry already past', { expiresAt: '2020-01-01T00:00:00+08:00' }, 'body.expiresAt', /已过/],
    ['an area outside the county', { divisionCode: '110101001001' }, 'body.divisionCode', /本县没有/],
    ['someone else’s attachment', { attachmentIds: ['0123456789abcdef01234567'] }, 'body.attachmentIds.0', /不存在/],
  ])('refuses %s with 400 naming the field, and stores nothing', async (_, change, field, message) => {
    const before = await announcements().countDocuments();
    const response = await staff.townA.post('/api/announcements', { ...buildAnnouncementBody(area.townA), ...change });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, message: expect.stringMatching(message) })]));
    expect(await announcements().countDocuments()).toBe(before);
  });

  it('refuses operators in queries, naming the field', async () => {
    // Brackets are no operators to Koa's query parser (the key is ignored); a repeated key is a list the schema refuses.
    const repeated = await staff.townA.get('/api/announcements?status=draft&status=published');
    expect([repeated.status, repeated.body.error.details[0].field]).toEqual([400, 'query.status']);
    const bracket = await staff.townA.get('/api/announcements?divisionCode[$regex]=.*&pageSize=100');
    expect(bracket.status).toBe(200);
    expect(bracket.body.items.every((item: { divisionCode: string }) => item.divisionCode.startsWith(area.townA.slice(0, 9)))).toBe(true);
    expect((await staff.townA.get('/api/announcements', { q: '.*' })).body.total).toBe(0);
    const byTitle = await staff.townA.get('/api/announcements', { q: '置顶通知' });
    expect(byTitle.body.items.map((item: { title: string }) => item.title)).toEqual(['本镇：置顶通知']);
    const { resident } = await residentIn(t);
    const residentList = await resident.get('/api/resident/announcements?type=$gt');
    expect([residentList.status, residentList.body.error.details[0].field]).toEqual([400, 'query.type']);
  });
});
