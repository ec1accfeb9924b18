import { Types } from 'mongoose';
import { MAX_OPEN_REQUESTS, STAFF_ROLES } from '@anqian/shared';
import { asResident, asStaff, buildSubmitBody, villageOf } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { buildRequestBody, newResident } from './request-test-helpers';

let t: TestApp;
type Staff = ReturnType<typeof asStaff> & { id: string; agent: Awaited<ReturnType<TestApp['signIn']>>['agent'] };
let admin: Staff;
let township: Staff;
let colleague: Staff;
let otherTownship: Staff;
let cadre: Staff;
let otherVillageCadre: Staff;
let hr: Staff;

async function staff(role: (typeof STAFF_ROLES)[number], options: Parameters<TestApp['staffAgent']>[1] = {}): Promise<Staff> {
  const signedIn = await t.staffAgent(role, options);
  return { ...asStaff(signedIn), id: signedIn.user.id, agent: signedIn.agent };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await staff('county_admin');
  township = await staff('township_staff');
  colleague = await staff('township_staff');
  otherTownship = await staff('township_staff', { townshipIndex: 1 });
  cadre = await staff('village_cadre');
  otherVillageCadre = await staff('village_cadre', { divisionCode: villageOf(t.county, 0, 1) });
  hr = await staff('hr_staff');
});
afterAll(() => t.close());

const requests = () => t.connection.collection('resident_requests');
const errorOf = (response: { body: { error?: { code: string; details?: { field: string; message: string }[] } } }) => response.body.error;

/**
 * A fresh request in the first township's first village. Residents are shared a few requests at a
 * time, below the open limit, because sign-ins are rate-limited per address.
 */
let submitter: { resident: Awaited<ReturnType<typeof newResident>>; used: number } | null = null;
async function freshRequest(overrides: Parameters<Awaited<ReturnType<typeof newResident>>['submit']>[0] = {}) {
  if (!submitter || submitter.used >= MAX_OPEN_REQUESTS - 1) submitter = { resident: await newResident(t), used: 0 };
  submitter.used += 1;
  const { resident } = submitter;
  const { id } = await resident.submit(overrides);
  return { id, resident };
}

/** A resident who never submits anything. */
let strangerResident: Awaited<ReturnType<typeof newResident>> | undefined;
const stranger = async () => (strangerResident ??= await newResident(t));

async function repliedRequest() {
  const created = await freshRequest();
  expect((await township.post(`/api/resident-requests/${created.id}/reply`, { text: '您好，已安排电工明天上午上门维修。' })).status).toBe(200);
  return created;
}

describe('a resident submits and follows a request', () => {
  it('routes it to the township of the place and shows the resident only the four stages', async () => {
    const resident = await newResident(t);
    const photo = await resident.photo();
    const created = await resident.client.post('/api/resident/requests', buildRequestBody(t, { photoIds: [photo] }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ category: 'repair', categoryLabel: '报修', stage: 'submitted', stageLabel: '已提交', canWithdraw: true, canRate: false, canReopen: false });
    expect(created.body.photos).toHaveLength(1);
    expect(created.body.steps.map((step: { label: string; at: string | null }) => [step.label, Boolean(step.at)])).toEqual([
      ['已提交', true],
      ['处理中', false],
      ['已答复', false],
      ['已办结', false],
    ]);
    const stored = await requests().findOne({ _id: new Types.ObjectId(created.body.id) });
    expect(stored).toMatchObject({ handlerCode: t.county.children[0].code, status: 'submitted', villageCode: villageOf(t.county) });

    // Staff work on it: the resident sees 处理中, never the assignee, the note or the transfer reason.
    expect((await township.post(`/api/resident-requests/${created.body.id}/assign`, { staffId: colleague.id })).status).toBe(200);
    expect((await township.post(`/api/resident-requests/${created.body.id}/notes`, { text: '该户户主耳背，电话请大声' })).status).toBe(200);
    const inProgress = await resident.client.get(`/api/resident/requests/${created.body.id}`);
    expect(inProgress.body.stageLabel).toBe('处理中');
    expect(JSON.stringify(inProgress.body)).not.toMatch(/耳背|测试|assignee|notes/);

    const staffView = await township.get(`/api/resident-requests/${created.body.id}`);
    expect(staffView.body.notes).toEqual([expect.objectContaining({ text: '该户户主耳背，电话请大声' })]);
    expect(staffView.body.residentView.stage).toBe('processing');
    expect(staffView.body.photos).toHaveLength(1);

    expect((await colleague.post(`/api/resident-requests/${created.body.id}/reply`, { text: '您好，电工明天上午上门维修楼道灯。' })).status).toBe(200);
    const answered = await resident.client.get(`/api/resident/requests/${created.body.id}`);
    expect(answered.body).toMatchObject({ stage: 'replied', stageLabel: '已答复', canRate: true, canReopen: true, canWithdraw: false });
    expect(answered.body.replies).toEqual([expect.objectContaining({ text: '您好，电工明天上午上门维修楼道灯。', office: expect.stringMatching(/./) })]);
    expect(answered.body.history.map((entry: { kind: string }) => entry.kind)).toEqual(['submitted', 'processing', 'reply']);

    const listed = await resident.client.get('/api/resident/requests');
    expect(listed.body).toMatchObject({ total: 1, items: [{ id: created.body.id, stageLabel: '已答复', replyCount: 1 }] });

    expect((await township.post(`/api/resident-requests/${created.body.id}/close`)).status).toBe(200);
    const closed = await resident.client.get(`/api/resident/requests/${created.body.id}`);
    expect(closed.body.steps.every((step: { at: string | null }) => step.at)).toBe(true);
    expect(closed.body.stageLabel).toBe('已办结');
  });

  it('queues a subscribe message on each reply the resident allowed', async () => {
    const { id, resident } = await freshRequest();
    await resident.client.post('/api/resident/subscriptions', { accepted: ['request_reply'] });
    await township.post(`/api/resident-requests/${id}/reply`, { text: '您好，先告诉您：维修单已派出。' });
    await township.post(`/api/resident-requests/${id}/reply`, { text: '您好，维修已完成，请查看。' });
    const messages = await t.connection.collection('outbound_messages').find({ residentId: resident.id, templateKey: 'request_reply' }).toArray();
    // One acceptance pays for one message: the second reply finds none left.
    expect(messages).toHaveLength(1);
    expect(messages[0].page).toBe(`subpackages/requests/pages/detail/index?id=${id}`);
    expect(messages[0].data).toMatchObject({ thing1: { value: '报修' }, phrase2: { value: '已答复' } });
  });

  it('lets the resident rate once, only their own and only once answered', async () => {
    const { id, resident } = await freshRequest();
    expect(errorOf(await resident.client.post(`/api/resident/requests/${id}/rate`, { score: 5 }))?.code).toBe('REQUEST_TRANSITION_NOT_ALLOWED');
    await township.post(`/api/resident-requests/${id}/reply`, { text: '您好，已安排电工上门维修。' });
    expect((await (await stranger()).client.post(`/api/resident/requests/${id}/rate`, { score: 1 })).status).toBe(404);
    const rated = await resident.client.post(`/api/resident/requests/${id}/rate`, { score: 4, comment: '来得挺快' });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ rating: { score: 4, comment: '来得挺快' }, canRate: false });
    const again = await resident.client.post(`/api/resident/requests/${id}/rate`, { score: 1 });
    expect(again.status).toBe(409);
    expect(errorOf(again)?.code).toBe('REQUEST_ALREADY_RATED');
    expect((await requests().findOne({ _id: new Types.ObjectId(id) }))?.rating.score).toBe(4);
  });

  it('reopens once, keeping the history, and never for another resident', async () => {
    const { id, resident } = await repliedRequest();
    expect((await (await stranger()).client.post(`/api/resident/requests/${id}/reopen`, { reason: '灯还是不亮' })).status).toBe(404);
    const reopened = await resident.client.post(`/api/resident/requests/${id}/reopen`, { reason: '修过以后第二天又不亮了' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ stage: 'processing', canReopen: false });
    expect(reopened.body.history.map((entry: { kind: string }) => entry.kind)).toEqual(['submitted', 'reply', 'reopened']);
    expect(reopened.body.replies).toHaveLength(1);
    const inbox = await township.get('/api/resident-requests', { status: 'submitted' });
    expect(inbox.body.items.find((item: { id: string }) => item.id === id)).toMatchObject({ reopened: true });

    await township.post(`/api/resident-requests/${id}/reply`, { text: '您好，已更换整条线路。' });
    const twice = await resident.client.post(`/api/resident/requests/${id}/reopen`, { reason: '还是不行' });
    expect(twice.status).toBe(409);
    expect(errorOf(twice)?.code).toBe('REQUEST_REOPEN_NOT_ALLOWED');
    const history = (await resident.client.get(`/api/resident/requests/${id}`)).body.history.map((entry: { kind: string }) => entry.kind);
    expect(history).toEqual(['submitted', 'reply', 'reopened', 'reply']);
  });

  it('reopens a closed request too, within the window, and refuses one never answered', async () => {
    const { id, resident } = await repliedRequest();
    await township.post(`/api/resident-requests/${id}/close`);
    expect((await resident.client.post(`/api/resident/requests/${id}/reopen`, { reason: '问题没有解决' })).body.stage).toBe('processing');
    const unanswered = await freshRequest();
    expect(errorOf(await unanswered.resident.client.post(`/api/resident/requests/${unanswered.id}/reopen`, { reason: '问题没有解决' }))?.code).toBe('REQUEST_REOPEN_NOT_ALLOWED');
  });

  it('withdraws before an answer only', async () => {
    const { id, resident } = await freshRequest();
    expect((await resident.client.post(`/api/resident/requests/${id}/withdraw`)).body.stageLabel).toBe('已撤回');
    expect(errorOf(await township.post(`/api/resident-requests/${id}/reply`, { text: '您好，已经处理好了。' }))?.code).toBe('REQUEST_TRANSITION_NOT_ALLOWED');
    const answered = await repliedRequest();
    expect((await answered.resident.client.post(`/api/resident/requests/${answered.id}/withdraw`)).status).toBe(409);
  });
});

describe('refused staff transitions', () => {
  it('refuses a reply to a closed request and a close before any reply', async () => {
    const { id } = await repliedRequest();
    await township.post(`/api/resident-requests/${id}/close`);
    const late = await township.post(`/api/resident-requests/${id}/reply`, { text: '您好，再补充一点说明。' });
    expect(late.status).toBe(409);
    expect(errorOf(late)?.code).toBe('REQUEST_TRANSITION_NOT_ALLOWED');
    expect((await requests().findOne({ _id: new Types.ObjectId(id) }))?.replies).toHaveLength(1);
    const fresh = await freshRequest();
    expect((await township.post(`/api/resident-requests/${fresh.id}/close`)).status).toBe(409);
    expect((await township.post(`/api/resident-requests/${id}/transfer`, { divisionCode: t.county.children[1].code, reason: '属于邻镇管辖' })).status).toBe(409);
  });

  it('assigns only to an active colleague of the handling office', async () => {
    const { id } = await freshRequest();
    const foreign = await township.post(`/api/resident-requests/${id}/assign`, { staffId: otherTownship.id });
    expect(foreign.status).toBe(400);
    expect(errorOf(foreign)?.details?.[0].field).toBe('body.staffId');
    expect(errorOf(await township.post(`/api/resident-requests/${id}/assign`, { staffId: cadre.id }))?.details?.[0].field).toBe('body.staffId');
    const choices = await township.get(`/api/resident-requests/${id}/assignees`);
    expect(choices.body.items.map((item: { id: string }) => item.id)).toEqual(expect.arrayContaining([township.id, colleague.id]));
    expect(choices.body.items.map((item: { id: string }) => item.id)).not.toContain(otherTownship.id);
    const mine = await colleague.get('/api/resident-requests', { mine: 'true' });
    expect(mine.body.items.map((item: { id: string }) => item.id)).not.toContain(id);
    await township.post(`/api/resident-requests/${id}/assign`, { staffId: colleague.id });
    const assigned = await colleague.get('/api/resident-requests', { mine: 'true' });
    expect(assigned.body.items.map((item: { id: string }) => item.id)).toContain(id);
  });

  it('transfers with a reason to another township, which then owns it alone, and on to the county', async () => {
    const { id } = await freshRequest();
    const same = await township.post(`/api/resident-requests/${id}/transfer`, { divisionCode: t.county.children[0].code, reason: '测试' });
    expect(errorOf(same)?.details?.[0].field).toBe('body.divisionCode');
    expect(errorOf(await township.post(`/api/resident-requests/${id}/transfer`, { divisionCode: t.county.children[1].code }))?.details?.[0].field).toBe('body.reason');
    const moved = await township.post(`/api/resident-requests/${id}/transfer`, { divisionCode: t.county.children[1].code, reason: '该安置点由邻镇管理' });
    expect(moved.status).toBe(200);
    expect((await township.get(`/api/resident-requests/${id}`)).status).toBe(404);
    expect((await otherTownship.get(`/api/resident-requests/${id}`)).body.steps.at(-1)).toMatchObject({ action: 'transfer', detail: expect.stringContaining('该安置点由邻镇管理') });
    // The village cadre still follows a request about their village.
    expect((await cadre.get(`/api/resident-requests/${id}`)).status).toBe(200);
    expect((await otherTownship.post(`/api/resident-requests/${id}/transfer`, { divisionCode: t.county.code, reason: '涉及县级部门' })).status).toBe(200);
    expect((await otherTownship.get(`/api/resident-requests/${id}`)).status).toBe(404);
    expect((await admin.get('/api/resident-requests', { status: 'submitted' })).body.items.find((item: { id: string }) => item.id === id)).toMatchObject({ handlerCode: t.county.code });
    expect(await t.connection.collection('audit_logs').countDocuments({ action: 'resident-request.transfer', targetId: id, result: 'success' })).toBe(2);
  });
});

describe('access: every staff route by role and area', () => {
  type Who = 'admin' | 'township' | 'otherTownship' | 'cadre' | 'otherVillageCadre' | 'hr';
  const who = (name: Who): Staff => ({ admin, township, otherTownship, cadre, otherVillageCadre, hr })[name];
  const WHO: Who[] = ['admin', 'township', 'otherTownship', 'cadre', 'otherVillageCadre', 'hr'];

  type Call = { name: string; prepare?: 'replied'; run: (as: Staff, id: string) => Promise<{ status: number }>; expect: Record<Who, number> };
  const reads = { admin: 200, township: 200, otherTownship: 404, cadre: 200, otherVillageCadre: 404, hr: 403 };
  const writes = { admin: 200, township: 200, otherTownship: 404, cadre: 403, otherVillageCadre: 403, hr: 403 };
  const calls: Call[] = [
    { name: 'GET /:id', run: (as, id) => as.get(`/api/resident-requests/${id}`), expect: reads },
    { name: 'POST /:id/notes', run: (as, id) => as.post(`/api/resident-requests/${id}/notes`, { text: '已电话联系' }), expect: reads },
    { name: 'GET /:id/assignees', run: (as, id) => as.get(`/api/resident-requests/${id}/assignees`), expect: writes },
    { name: 'POST /:id/assign', run: (as, id) => as.post(`/api/resident-requests/${id}/assign`, { staffId: colleague.id }), expect: writes },
    { name: 'POST /:id/transfer', run: (as, id) => as.post(`/api/resident-requests/${id}/transfer`, { divisionCode: t.county.children[2].code, reason: '属地调整' }), expect: writes },
    { name: 'POST /:id/reply', run: (as, id) => as.post(`/api/resident-requests/${id}/reply`, { text: '您好，已经安排处理。' }), expect: writes },
    { name: 'POST /:id/close', prepare: 'replied', run: (as, id) => as.post(`/api/resident-requests/${id}/close`), expect: writes },
  ];

  it.each(calls.flatMap((call) => WHO.map((name) => [call.name, name, call] as const)))('%s as %s', async (_, name, call) => {
    const { id } = call.prepare === 'replied' ? await repliedRequest() : await freshRequest();
    const before = await requests().findOne({ _id: new Types.ObjectId(id) });
    const response = await call.run(who(name), id);
    expect(response.status).toBe(call.expect[name]);
    if (response.status !== 200) expect(await requests().findOne({ _id: new Types.ObjectId(id) })).toEqual(before);
  });

  it.each([
    ['GET /api/resident-requests', (as: Staff) => as.get('/api/resident-requests'), { admin: 200, township: 200, otherTownship: 200, cadre: 200, otherVillageCadre: 200, hr: 403 }],
    ['GET /stats', (as: Staff) => as.get('/api/resident-requests/stats'), { admin: 200, township: 200, otherTownship: 200, cadre: 200, otherVillageCadre: 200, hr: 403 }],
    ['GET /export', (as: Staff) => as.get('/api/resident-requests/export'), { admin: 200, township: 200, otherTownship: 200, cadre: 403, otherVillageCadre: 403, hr: 403 }],
    ['GET /reminders', (as: Staff) => as.get('/api/resident-requests/reminders'), { admin: 200, township: 200, otherTownship: 200, cadre: 403, otherVillageCadre: 403, hr: 403 }],
  ] as const)('%s answers by role', async (_, run, expected) => {
    for (const name of WHO) expect([name, (await run(who(name))).status]).toEqual([name, expected[name]]);
  });

  it('lists each caller only their area: the township by handler, the cadre by village, the county everything', async () => {
    const mine = await freshRequest();
    const elsewhere = await freshRequest({ place: { villageCode: villageOf(t.county, 1) } });
    const ids = async (as: Staff) => {
      const response = await as.get('/api/resident-requests', { pageSize: 100 });
      return (response.body.items as { id: string }[]).map((item) => item.id);
    };
    expect(await ids(township)).toContain(mine.id);
    expect(await ids(township)).not.toContain(elsewhere.id);
    expect(await ids(otherTownship)).toContain(elsewhere.id);
    expect(await ids(otherTownship)).not.toContain(mine.id);
    expect(await ids(cadre)).toContain(mine.id);
    expect(await ids(otherVillageCadre)).not.toContain(mine.id);
    expect(await ids(admin)).toEqual(expect.arrayContaining([mine.id, elsewhere.id]));
    // A filter naming another township's village shows nothing of it.
    const probing = await township.get('/api/resident-requests', { divisionCode: villageOf(t.county, 1) });
    expect(probing.body.items.map((item: { id: string }) => item.id)).not.toContain(elsewhere.id);
  });

  it('shows a resident only their own requests', async () => {
    const { id } = await freshRequest();
    const other = await stranger();
    expect((await other.client.get(`/api/resident/requests/${id}`)).status).toBe(404);
    expect((await other.client.get('/api/resident/requests')).body.total).toBe(0);
    expect((await other.client.post(`/api/resident/requests/${id}/withdraw`)).status).toBe(404);
    expect((await t.request().get('/api/resident/requests')).status).toBe(401);
  });
});

describe('bad input is refused with 400 naming the field, and nothing is stored', () => {
  let badInputResident: Awaited<ReturnType<typeof newResident>> | undefined;
  it.each([
    ['oversized text', { text: '灯'.repeat(1001) }, 'body.text'],
    ['too short a text', { text: '灯坏' }, 'body.text'],
    ['text the content check refuses', { text: '安置点有人聚众赌博，晚上很吵，请管一管。' }, 'body.text'],
    ['seven photos', { photoIds: Array.from({ length: 7 }, () => new Types.ObjectId().toString()) }, 'body.photoIds'],
    ['an operator as the category', { category: { $ne: 'repair' } }, 'body.category'],
    ['an unknown category', { category: 'praise' }, 'body.category'],
    ['a village outside the county', { place: { villageCode: '110101001001' } }, 'body.place.villageCode'],
    ['a township instead of a village', { place: { villageCode: '__township__' } }, 'body.place.villageCode'],
    ['an unknown site', { place: { villageCode: '__village__', siteId: new Types.ObjectId().toString() } }, 'body.place.siteId'],
    ['a registration that is not theirs', { place: { villageCode: '__village__', registrationId: '__foreign__' } }, 'body.place.registrationId'],
    ['a missing key', { idempotencyKey: undefined }, 'body.idempotencyKey'],
  ])('%s', async (_, change, field) => {
    badInputResident ??= await newResident(t);
    const resident = badInputResident;
    const body = buildRequestBody(t) as Record<string, unknown>;
    const fill = (value: unknown): unknown => {
      if (value === '__township__') return t.county.children[0].code;
      if (value === '__village__') return villageOf(t.county);
      return value;
    };
    for (const [key, value] of Object.entries(change)) {
      if (key === 'place') {
        const place = Object.fromEntries(Object.entries(value as Record<string, string>).map(([k, v]) => [k, fill(v)]));
        if (place.registrationId === '__foreign__') {
          place.registrationId = (await (await freshRequest()).resident.client.post('/api/resident/registrations', buildSubmitBody(villageOf(t.county)))).body.id;
        }
        body.place = place;
      } else body[key] = value;
    }
    const response = await resident.client.post('/api/resident/requests', body);
    expect(response.status).toBe(400);
    expect(errorOf(response)?.details?.map((detail) => detail.field)).toContain(field);
    expect(await requests().countDocuments({ residentId: resident.id })).toBe(0);
  });

  it('refuses a photo that is not the resident’s, and a disguised one at upload', async () => {
    badInputResident ??= await newResident(t);
    const resident = badInputResident;
    const strangers = await (await freshRequest()).resident.photo();
    const response = await resident.client.post('/api/resident/requests', buildRequestBody(t, { photoIds: [strangers] }));
    expect(errorOf(response)?.details?.[0].field).toBe('body.photoIds');
    const disguised = await t.request().post('/api/resident/photos').set('Authorization', `Bearer ${(await t.residentToken()).token}`).attach('file', Buffer.from('<script>alert(1)</script>'), 'light.jpg');
    expect(disguised.status).toBe(400);
    expect(errorOf(disguised)?.code).toBe('PHOTO_TYPE_INVALID');
    expect(await requests().countDocuments({ residentId: resident.id })).toBe(0);
  });

  it.each([
    ['status=submitted&status=closed', 'query.status'],
    ['category=repair&category=help', 'query.category'],
    ['divisionCode=%5E532.*', 'query.divisionCode'],
    ['sort=nextDue', 'query.sort'],
    ['overdue=yes', 'query.overdue'],
    ['mine=false', 'query.mine'],
    ['pageSize=1000', 'query.pageSize'],
  ])('refuses the inbox query %s', async (query, field) => {
    const response = await township.agent.get(`/api/resident-requests?${query}`);
    expect(response.status).toBe(400);
    expect(errorOf(response)?.details?.[0].field).toBe(field);
  });

  it('treats brackets in the query as no operator: the key is ignored and the scope holds', async () => {
    const elsewhere = await freshRequest({ place: { villageCode: villageOf(t.county, 1) } });
    const response = await township.agent.get('/api/resident-requests?status[$ne]=closed&divisionCode[$regex]=.*&pageSize=100');
    expect(response.status).toBe(200);
    expect(response.body.items.map((item: { id: string }) => item.id)).not.toContain(elsewhere.id);
  });

  it('refuses bad staff bodies without storing them', async () => {
    const { id } = await freshRequest();
    expect(errorOf(await township.post(`/api/resident-requests/${id}/reply`, { text: '好' }))?.details?.[0].field).toBe('body.text');
    expect(errorOf(await township.post(`/api/resident-requests/${id}/reply`, { text: '字'.repeat(2001) }))?.details?.[0].field).toBe('body.text');
    expect(errorOf(await township.post(`/api/resident-requests/${id}/transfer`, { divisionCode: villageOf(t.county, 1), reason: '属地调整' }))?.details?.[0].field).toBe('body.divisionCode');
    expect(errorOf(await township.post(`/api/resident-requests/${id}/assign`, { staffId: { $ne: null } }))?.details?.[0].field).toBe('body.staffId');
    expect(errorOf(await (await stranger()).client.post(`/api/resident/requests/${id}/rate`, { score: 6 }))?.details?.[0].field).toBe('body.score');
    const stored = await requests().findOne({ _id: new Types.ObjectId(id) });
    expect(stored).toMatchObject({ status: 'submitted', replies: [], handlerCode: t.county.children[0].code, assignee: null });
  });
});

describe('concurrency', () => {
  it('stores one request for 50 identical submissions with one key', async () => {
    const resident = await newResident(t);
    const body = buildRequestBody(t);
    const responses = await Promise.all(Array.from({ length: 50 }, () => resident.client.post('/api/resident/requests', body)));
    expect(responses.map((response) => response.status).sort((a, b) => a - b)).toEqual([...Array(49).fill(200), 201]);
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    expect(await requests().countDocuments({ residentId: resident.id })).toBe(1);
  });

  it('keeps both replies, in order, when two staff answer at the same moment', async () => {
    const { id, resident } = await freshRequest();
    const [first, second] = await Promise.all([
      township.post(`/api/resident-requests/${id}/reply`, { text: '您好，我是镇上的小李，已记下您的问题。' }),
      colleague.post(`/api/resident-requests/${id}/reply`, { text: '您好，我是镇上的小王，维修人员明天到。' }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const replies = (await resident.client.get(`/api/resident/requests/${id}`)).body.replies as { text: string; at: string }[];
    expect(replies.map((reply) => reply.text).sort()).toEqual(['您好，我是镇上的小李，已记下您的问题。', '您好，我是镇上的小王，维修人员明天到。'].sort());
    // In the order they were stored: the history and the staff's record list them alike.
    const stored = await requests().findOne({ _id: new Types.ObjectId(id) });
    expect(stored?.replies.map((reply: { text: string }) => reply.text)).toEqual(replies.map((reply) => reply.text));
    expect(stored?.steps.filter((entry: { action: string }) => entry.action === 'reply').map((entry: { actor: { id: string } }) => entry.actor.id)).toEqual(
      stored?.replies.map((reply: { staffId: string }) => reply.staffId),
    );
    expect(stored?.firstRepliedAt).toEqual(stored?.replies[0].at);
  });

  it(`refuses the ${MAX_OPEN_REQUESTS + 1}th open request, also when they arrive at once, and accepts one again after a close`, async () => {
    const resident = await newResident(t);
    const responses = await Promise.all(Array.from({ length: MAX_OPEN_REQUESTS + 3 }, () => resident.client.post('/api/resident/requests', buildRequestBody(t))));
    expect(responses.filter((response) => response.status === 201)).toHaveLength(MAX_OPEN_REQUESTS);
    const refusedOnes = responses.filter((response) => response.status === 409);
    expect(refusedOnes).toHaveLength(3);
    expect(errorOf(refusedOnes[0])).toMatchObject({ code: 'REQUEST_OPEN_LIMIT', message: expect.stringContaining('10 条') });
    expect(await requests().countDocuments({ residentId: resident.id })).toBe(MAX_OPEN_REQUESTS);

    const first = responses.find((response) => response.status === 201)!.body.id;
    await township.post(`/api/resident-requests/${first}/reply`, { text: '您好，已经处理好了。' });
    expect((await resident.client.post('/api/resident/requests', buildRequestBody(t))).status).toBe(409);
    await township.post(`/api/resident-requests/${first}/close`);
    expect((await resident.client.post('/api/resident/requests', buildRequestBody(t))).status).toBe(201);
    // Reopening the closed one would make 11: refused.
    expect(errorOf(await resident.client.post(`/api/resident/requests/${first}/reopen`, { reason: '又坏了' }))?.code).toBe('REQUEST_OPEN_LIMIT');
  });
});

describe('audit and export', () => {
  it('audits every staff write, also the refused ones', async () => {
    const { id } = await freshRequest();
    await township.post(`/api/resident-requests/${id}/notes`, { text: '已电话联系' });
    await otherTownship.post(`/api/resident-requests/${id}/reply`, { text: '您好，越权答复。' });
    const logs = await t.connection.collection('audit_logs').find({ targetId: id }).toArray();
    expect(logs.map((log) => [log.action, log.result])).toEqual(
      expect.arrayContaining([
        ['resident-request.note', 'success'],
        ['resident-request.reply', 'failure'],
      ]),
    );
  });

  it('exports the filtered inbox as .xlsx and audits it', async () => {
    await freshRequest();
    const response = await township.agent.get('/api/resident-requests/export').query({ category: 'repair' }).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/spreadsheetml/);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body);
    const sheet = workbook.getWorksheet('群众诉求')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('类别');
    expect(sheet.getRow(2).getCell(2).value).toBe('报修');
    const audited = await t.connection.collection('audit_logs').find({ action: 'resident-request.export', result: 'success', actorId: township.id }).toArray();
    expect(audited.map((log) => log.detail)).toContainEqual(expect.stringMatching(/category=repair/));
  });
});

describe('a resident with a registration', () => {
  it('names their own registration as the place', async () => {
    const { token } = await t.residentToken();
    const resident = asResident(t, token);
    const registration = await resident.post('/api/resident/registrations', buildSubmitBody(villageOf(t.county)));
    const created = await resident.post('/api/resident/requests', buildRequestBody(t, { category: 'inquiry', text: '我家的搬迁登记什么时候能审批？', place: { villageCode: villageOf(t.county), registrationId: registration.body.id } }));
    expect(created.status).toBe(201);
    expect(created.body.place.registration).toMatchObject({ id: registration.body.id, label: expect.stringContaining('户搬迁登记') });
  });
});
