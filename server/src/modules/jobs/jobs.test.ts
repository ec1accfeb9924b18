import { Types } from 'mongoose';
import { addDays, STAFF_ROLES } from '@anqian/shared';
import { asResident, asStaff } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { buildEmployerBody, buildPostingBody } from './job-test-helpers';

let t: TestApp;
let hr: ReturnType<typeof asStaff>;
let employerId: string;

const RESUME = { name: '李秀兰', phone: '13912345678', skills: ['保洁'], experience: '在昆明做过两年保洁', wantedPayYuan: 3000, wantedPlace: '县城', availableFrom: null, freeText: '' };

beforeAll(async () => {
  t = await createTestApp();
  hr = asStaff(await t.staffAgent('hr_staff'));
  employerId = (await hr.post('/api/employers', buildEmployerBody())).body.id;
});
afterAll(() => t.close());

const postings = () => t.connection.collection('job_postings');
const applications = () => t.connection.collection('job_applications');

async function publishedPosting(overrides: Parameters<typeof buildPostingBody>[2] = {}) {
  const draft = await hr.post('/api/job-postings', buildPostingBody(t, employerId, overrides));
  expect(draft.status).toBe(201);
  const published = await hr.post(`/api/job-postings/${draft.body.id}/publish`);
  expect(published.status).toBe(200);
  return published.body as { id: string; title: string };
}

async function residentWithResume() {
  const { token } = await t.residentToken();
  const resident = asResident(t, token);
  expect((await resident.put('/api/resident/resume', RESUME)).status).toBe(200);
  return resident;
}

describe('job postings', () => {
  it('hr_staff create a draft and publish it; residents read it without signing in', async () => {
    const posting = await publishedPosting({ title: '电商客服' });
    const list = await t.request().get('/api/resident/job-postings');
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(posting.id);
    const detail = await t.request().get(`/api/resident/job-postings/${posting.id}`);
    expect(detail.body).toMatchObject({ title: '电商客服', payLabel: '3000-4500 元/月', status: 'published', employer: { name: '云岭家政服务有限公司' } });
    expect(JSON.stringify(detail.body)).not.toMatch(/1388765|contactPhone/);
    expect(await t.connection.collection('audit_logs').countDocuments({ action: 'job-posting.publish', targetId: posting.id, result: 'success' })).toBe(1);
  });

  it.each([
    ['pay min above max', { pay: { kind: 'monthly', minYuan: 5000, maxYuan: 3000 } }, 'body.pay.maxYuan', /最高月薪不能低于最低月薪/],
    ['a closing date in the past', { closingDate: '2020-01-01' }, 'body.closingDate', /不能早于今天/],
    ['an oversized description', { description: '字'.repeat(1001) }, 'body.description', /最多 1000/],
    ['a gender requirement', { requirements: { ageMin: 18, ageMax: 40, skills: [], other: '限女性' } }, 'body.requirements.other', /不能限定性别.*女性/],
    ['an ethnicity requirement in a skill', { requirements: { ageMin: 18, ageMax: 40, skills: ['彝族刺绣', '汉族'], other: '' } }, 'body.requirements.skills.1', /不能限定民族/],
    ['an age range upside down', { requirements: { ageMin: 50, ageMax: 20, skills: [], other: '' } }, 'body.requirements.ageMax', /最大年龄/],
    ['an unknown employer', { employerId: '0123456789abcdef01234567' }, 'body.employerId', /不存在/],
    ['a workplace outside the county tree', { workplace: { kind: 'county', divisionCode: '110101001001' } }, 'body.workplace.divisionCode', /本县没有/],
    ['an operator as the category', { category: { $ne: 'other' } }, 'body.category', /./],
  ])('refuses %s with 400 naming the field, and stores nothing', async (_, change, field, message) => {
    const before = await postings().countDocuments();
    const response = await hr.post('/api/job-postings', { ...buildPostingBody(t, employerId), ...change });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, message: expect.stringMatching(message) })]));
    expect(await postings().countDocuments()).toBe(before);
  });

  it('refuses to publish a text WeChat rejects, naming the field, and leaves the posting a draft', async () => {
    const draft = await hr.post('/api/job-postings', buildPostingBody(t, employerId, { transport: '可介绍赌博场所工作' }));
    const refused = await hr.post(`/api/job-postings/${draft.body.id}/publish`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([{ field: 'body.transport', message: expect.stringContaining('“交通”未通过微信内容安全检测') }]);
    expect((await hr.get(`/api/job-postings/${draft.body.id}`)).body.status).toBe('draft');
  });

  it('refuses transitions the machine does not allow (409) and closes by hand', async () => {
    const posting = await publishedPosting();
    expect((await hr.post(`/api/job-postings/${posting.id}/publish`)).status).toBe(409);
    const closed = await hr.post(`/api/job-postings/${posting.id}/close`);
    expect(closed.body).toMatchObject({ status: 'closed', closedReason: 'manual', canEdit: false });
    const again = await hr.post(`/api/job-postings/${posting.id}/close`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('JOB_POSTING_TRANSITION_NOT_ALLOWED');
    expect((await hr.patch(`/api/job-postings/${posting.id}`, { title: '改个名字' })).status).toBe(409);
  });

  it('the maintenance job closes postings past their closing date; residents never see them', async () => {
    const posting = await publishedPosting({ closingDate: addDays(t.clock.today(), 1) });
    t.clock.advanceDays(2);
    const hidden = await t.request().get('/api/resident/job-postings');
    expect(hidden.body.items.map((item: { id: string }) => item.id)).not.toContain(posting.id);
    await t.services.jobs.closeFinishedPostings();
    expect((await hr.get(`/api/job-postings/${posting.id}`)).body).toMatchObject({ status: 'closed', closedReason: 'expired' });
  });

  it('filters and sorts the residents’ list', async () => {
    const county = t.county.children;
    const near = await publishedPosting({ title: '种植基地采摘工', category: 'planting', workplace: { kind: 'county', divisionCode: county[1].children[0].code }, pay: { kind: 'daily', yuan: 150 }, foodAndLodging: 'food' });
    const far = await publishedPosting({ title: '浙江电子厂普工', category: 'manufacturing', workplace: { kind: 'outside', province: '浙江省', city: '宁波市' }, pay: { kind: 'monthly', minYuan: 5000, maxYuan: 7000 } });
    const ids = async (query: Record<string, string>) => (await t.request().get('/api/resident/job-postings').query(query)).body.items.map((item: { id: string }) => item.id);
    expect(await ids({ category: 'planting' })).toEqual([near.id]);
    expect(await ids({ near: 'township', homeCode: county[1].children[0].code })).toEqual([near.id]);
    expect(await ids({ near: 'county' })).not.toContain(far.id);
    expect(await ids({ minPay: '4000' })).toEqual([far.id]);
    expect(await ids({ q: '电子厂' })).toEqual([far.id]);
    expect((await ids({ sort: 'pay' }))[0]).toBe(far.id);
    const bad = await t.request().get('/api/resident/job-postings').query({ sort: 'random', pageSize: '500' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['query.pageSize', 'query.sort']);
  });

  it('the residents’ list shows every change at once: a new employer name, a hire, a closed posting', async () => {
    const renamed = (await hr.post('/api/employers', buildEmployerBody({ name: '旧名劳务公司' }))).body.id;
    const draft = await hr.post('/api/job-postings', buildPostingBody(t, renamed, { title: '改名测试岗位', headcount: 3 }));
    await hr.post(`/api/job-postings/${draft.body.id}/publish`);
    const entry = async (query: Record<string, string> = { q: '改名测试岗位' }) =>
      (await t.request().get('/api/resident/job-postings').query(query)).body.items.find((item: { id: string }) => item.id === draft.body.id);
    expect(await entry()).toMatchObject({ employerName: '旧名劳务公司', hired: 0 });

    await hr.patch(`/api/employers/${renamed}`, { name: '新名劳务公司' });
    expect(await entry({ q: '新名劳务' })).toMatchObject({ employerName: '新名劳务公司' });
    const resident = await residentWithResume();
    const applied = await resident.post(`/api/resident/job-postings/${draft.body.id}/apply`);
    await hr.post(`/api/job-applications/${applied.body.id}/hire`, {});
    expect(await entry()).toMatchObject({ hired: 1 });
    await hr.post(`/api/job-postings/${draft.body.id}/close`);
    expect(await entry()).toBeUndefined();
  });

  it.each(STAFF_ROLES.filter((role) => role !== 'hr_staff'))('%s reads postings but cannot write them or read applications', async (role) => {
    const staff = asStaff(await t.staffAgent(role));
    const posting = await publishedPosting();
    expect((await staff.get('/api/job-postings')).status).toBe(200);
    expect((await staff.get(`/api/job-postings/${posting.id}`)).status).toBe(200);
    expect((await staff.post('/api/job-postings', buildPostingBody(t, employerId))).status).toBe(403);
    expect((await staff.post(`/api/job-postings/${posting.id}/close`)).status).toBe(403);
    expect((await staff.get(`/api/job-postings/${posting.id}/applications`)).status).toBe(role === 'county_admin' ? 200 : 403);
  });
});

describe('the job board in memory', () => {
  it('shows a posting published or closed while residents were reading the list to the next resident who asks', async () => {
    const listed = async (id: string) => (await t.request().get('/api/resident/job-postings?q=分拣')).body.items.some((item: { id: string }) => item.id === id);
    // Lists in flight share their change-token reads; a change must still reach the list that follows it.
    const whileReading = async (change: () => Promise<unknown>) => {
      await Promise.all([...Array.from({ length: 20 }, () => t.request().get('/api/resident/job-postings?q=分拣')), change()]);
    };
    for (let round = 0; round < 3; round += 1) {
      const draft = await hr.post('/api/job-postings', buildPostingBody(t, employerId, { title: `农产品分拣员${round}` }));
      await whileReading(() => hr.post(`/api/job-postings/${draft.body.id}/publish`));
      expect(await listed(draft.body.id)).toBe(true);
      await whileReading(() => hr.post(`/api/job-postings/${draft.body.id}/close`));
      expect(await listed(draft.body.id)).toBe(false);
    }
  });
});

describe('resume and applications', () => {
  it('one resume per resident, masked phone, age not typed', async () => {
    const { token, login } = await t.residentToken();
    const resident = asResident(t, token);
    expect((await resident.get('/api/resident/resume')).body).toEqual({ resume: null, householdMembers: [] });
    const saved = await resident.put('/api/resident/resume', { ...RESUME, age: 30 });
    expect(saved.body).toMatchObject({ name: '李秀兰', phoneMasked: '139****5678', age: null });
    await resident.put('/api/resident/resume', { ...RESUME, name: '李秀英' });
    const stored = await t.connection.collection('job_resumes').find({ _id: login.resident.id }).toArray();
    expect(stored.map((resume) => resume.name)).toEqual(['李秀英']);
    const tooLong = await resident.put('/api/resident/resume', { ...RESUME, experience: '经'.repeat(501) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details[0].field).toBe('body.experience');
  });

  it('applying needs a resume (409) and an open posting', async () => {
    const posting = await publishedPosting();
    const { token } = await t.residentToken();
    const noResume = await asResident(t, token).post(`/api/resident/job-postings/${posting.id}/apply`);
    expect(noResume.status).toBe(409);
    expect(noResume.body.error.code).toBe('RESUME_REQUIRED');
    const draft = await hr.post('/api/job-postings', buildPostingBody(t, employerId));
    const resident = await residentWithResume();
    expect((await resident.post(`/api/resident/job-postings/${draft.body.id}/apply`)).status).toBe(404);
    await hr.post(`/api/job-postings/${posting.id}/close`);
    const closed = await resident.post(`/api/resident/job-postings/${posting.id}/apply`);
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('JOB_POSTING_NOT_OPEN');
  });

  it('20 taps at once make one application', async () => {
    const posting = await publishedPosting();
    const resident = await residentWithResume();
    const answers = await Promise.all(Array.from({ length: 20 }, () => resident.post(`/api/resident/job-postings/${posting.id}/apply`)));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.every((answer) => answer.status === 201 || answer.status === 200)).toBe(true);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect(await applications().countDocuments({ postingId: new Types.ObjectId(posting.id) })).toBe(1);
    expect((await resident.get('/api/resident/job-applications')).body.items).toHaveLength(1);
  });

  it('the employer’s phone reaches the resident only after an invitation; each change is messaged and audited', async () => {
    const posting = await publishedPosting();
    const resident = await residentWithResume();
    await resident.post('/api/resident/subscriptions', { accepted: ['job_application_status'] });
    const applied = await resident.post(`/api/resident/job-postings/${posting.id}/apply`);
    expect(applied.body).toMatchObject({ status: 'submitted', employerContact: null, canWithdraw: true });

    const list = await hr.get(`/api/job-postings/${posting.id}/applications`);
    expect(list.body.items[0]).toMatchObject({ id: applied.body.id, status: 'submitted', resume: { name: '李秀兰', phoneMasked: '139****5678' } });
    await hr.post(`/api/job-applications/${applied.body.id}/view`, {});
    expect((await resident.get(`/api/resident/job-applications/${applied.body.id}`)).body).toMatchObject({ status: 'viewed', employerContact: null });

    const invited = await hr.post(`/api/job-applications/${applied.body.id}/invite`, { message: '请于周三上午 9 点到县人社局面试' });
    expect(invited.body.status).toBe('invited');
    const seen = await resident.get(`/api/resident/job-applications/${applied.body.id}`);
    expect(seen.body).toMatchObject({ status: 'invited', message: '请于周三上午 9 点到县人社局面试', employerContact: { name: '张经理', phone: '13887654321' } });
    const queued = await t.connection.collection('outbound_messages').find({ templateKey: 'job_application_status' }).toArray();
    expect(queued).toHaveLength(1);
    expect(queued[0].data.phrase2.value).toBe('已查看');
    expect(await t.connection.collection('audit_logs').countDocuments({ action: 'job-application.invite', targetId: applied.body.id })).toBe(1);

    expect((await hr.post(`/api/job-applications/${applied.body.id}/view`, {})).status).toBe(409);
    expect((await hr.post(`/api/job-applications/${applied.body.id}/hire`, { message: '下周一入职' })).body.status).toBe('hired');
    const withdraw = await resident.post(`/api/resident/job-applications/${applied.body.id}/withdraw`);
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.error.code).toBe('JOB_APPLICATION_TRANSITION_NOT_ALLOWED');
  });

  it('hires take the openings; the last one closes the posting as filled, and no hire goes past the headcount', async () => {
    const posting = await publishedPosting({ headcount: 1 });
    const first = await (await residentWithResume()).post(`/api/resident/job-postings/${posting.id}/apply`);
    const second = await (await residentWithResume()).post(`/api/resident/job-postings/${posting.id}/apply`);
    expect((await hr.post(`/api/job-applications/${first.body.id}/hire`, {})).status).toBe(200);
    expect((await hr.get(`/api/job-postings/${posting.id}`)).body).toMatchObject({ status: 'closed', closedReason: 'filled', hired: 1 });
    const over = await hr.post(`/api/job-applications/${second.body.id}/hire`, {});
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('JOB_POSTING_FILLED');
    expect((await postings().findOne({ title: '家政服务员', headcount: 1, hired: 1 }))?.openings).toBe(0);
  });

  it('a resident withdraws before an outcome, sees only their own applications, and a second apply sends it again', async () => {
    const posting = await publishedPosting();
    const resident = await residentWithResume();
    const applied = await resident.post(`/api/resident/job-postings/${posting.id}/apply`);
    const stranger = await residentWithResume();
    expect((await stranger.get(`/api/resident/job-applications/${applied.body.id}`)).status).toBe(404);
    expect((await stranger.post(`/api/resident/job-applications/${applied.body.id}/withdraw`)).status).toBe(404);
    expect((await resident.post(`/api/resident/job-applications/${applied.body.id}/withdraw`)).body.status).toBe('withdrawn');
    const again = await resident.post(`/api/resident/job-postings/${posting.id}/apply`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: applied.body.id, status: 'submitted' });
  });

  it('hr_staff reveal an applicant’s full phone through an audited route; residents’ routes refuse staff', async () => {
    const posting = await publishedPosting();
    const applied = await (await residentWithResume()).post(`/api/resident/job-postings/${posting.id}/apply`);
    expect((await hr.post(`/api/job-applications/${applied.body.id}/reveal-phone`)).body).toEqual({ phone: '13912345678' });
    expect(await t.connection.collection('audit_logs').countDocuments({ action: 'job-application.reveal-phone', targetId: applied.body.id })).toBe(1);
    const admin = asStaff(await t.staffAgent('county_admin'));
    expect((await admin.get(`/api/job-applications/${applied.body.id}`)).status).toBe(200);
    expect((await admin.post(`/api/job-applications/${applied.body.id}/invite`, {})).status).toBe(403);
  });

  it('a suspended employer’s postings disappear from the residents’ list and cannot be applied to or published', async () => {
    const own = (await hr.post('/api/employers', buildEmployerBody({ name: '暂停测试公司' }))).body.id;
    const draft = await hr.post('/api/job-postings', buildPostingBody(t, own));
    await hr.post(`/api/job-postings/${draft.body.id}/publish`);
    const resident = await residentWithResume();
    await hr.post(`/api/employers/${own}/suspend`);
    const list = await t.request().get('/api/resident/job-postings').query({ pageSize: '20' });
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(draft.body.id);
    expect((await resident.post(`/api/resident/job-postings/${draft.body.id}/apply`)).body.error.code).toBe('JOB_POSTING_NOT_OPEN');
    expect((await hr.post('/api/job-postings', buildPostingBody(t, own))).body.error.code).toBe('EMPLOYER_SUSPENDED');
  });
});
