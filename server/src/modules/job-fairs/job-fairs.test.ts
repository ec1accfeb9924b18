import ExcelJS from 'exceljs';
import { Types } from 'mongoose';
import { addDays, type JobFairBody, type ResidentSignup, TICKET_CODE_ALPHABET } from '@anqian/shared';
import { asResident, asStaff } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { AppError } from '../../errors';
import { buildEmployerBody, buildPostingBody } from '../jobs/job-test-helpers';

let t: TestApp;
let hr: ReturnType<typeof asStaff>;
let hrName: string;

beforeAll(async () => {
  t = await createTestApp();
  const staff = await t.staffAgent('hr_staff');
  hr = asStaff(staff);
  hrName = staff.user.displayName;
});
afterAll(async () => t.close());

const fairBody = (overrides: Partial<JobFairBody> = {}): JobFairBody => ({
  title: '县人社局春季招聘会',
  date: addDays(t.clock.today(), 1),
  startTime: '09:00',
  endTime: '12:00',
  venue: '县城安置点综合服务中心',
  organiser: '县人力资源和社会保障局',
  capacity: 100,
  description: '现场招聘家政、建筑、电商岗位',
  ...overrides,
});

async function publishedFair(overrides: Partial<JobFairBody> = {}): Promise<string> {
  const created = await hr.post('/api/job-fairs', fairBody(overrides));
  expect(created.status).toBe(201);
  expect((await hr.post(`/api/job-fairs/${created.body.id}/publish`)).status).toBe(200);
  return created.body.id;
}

const fairCount = () => t.connection.collection('job_fairs').countDocuments();

/** Residents stored directly, for bursts that would take minutes through the fake WeChat sign-in. */
async function storedResidents(count: number): Promise<string[]> {
  const docs = Array.from({ length: count }, (_, index) => ({
    _id: new Types.ObjectId(),
    openid: `burst-${Date.now()}-${index}`,
    phone: null,
    consent: null,
    consentHistory: [],
    cadre: null,
    createdAt: new Date(),
    updatedAt: new Date(),
  }));
  await t.connection.collection('residents').insertMany(docs);
  return docs.map((doc) => doc._id.toString());
}

describe('the bureau runs fairs', () => {
  it('creates a draft, edits and publishes it; residents see only published upcoming fairs', async () => {
    const created = await hr.post('/api/job-fairs', fairBody({ title: '草稿招聘会' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', phase: 'draft', capacity: 100, taken: 0, remaining: 100 });
    expect((await t.request().get(`/api/resident/job-fairs/${created.body.id}`)).status).toBe(404);

    const edited = await hr.patch(`/api/job-fairs/${created.body.id}`, { capacity: 150, venue: '易地搬迁社区广场' });
    expect(edited.body).toMatchObject({ capacity: 150, remaining: 150, venue: '易地搬迁社区广场' });

    const published = await hr.post(`/api/job-fairs/${created.body.id}/publish`);
    expect(published.body).toMatchObject({ status: 'published', phase: 'open' });
    expect((await hr.post(`/api/job-fairs/${created.body.id}/publish`)).body.error.code).toBe('JOB_FAIR_TRANSITION_NOT_ALLOWED');

    const list = await t.request().get('/api/resident/job-fairs');
    expect(list.body.items.map((fair: { id: string }) => fair.id)).toContain(created.body.id);

    const township = asStaff(await t.staffAgent('township_staff'));
    expect((await township.get(`/api/job-fairs/${created.body.id}`)).status).toBe(200);
    expect((await township.post('/api/job-fairs', fairBody())).status).toBe(403);

    const audit = await t.connection.collection('audit_logs').find({ action: { $in: ['job-fair.create', 'job-fair.update', 'job-fair.publish'] } }).toArray();
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['job-fair.create', 'job-fair.update', 'job-fair.publish']));
  });

  it.each([
    ['a date before today', { date: addDays(new Date().toISOString().slice(0, 10), -2) }, 'body.date'],
    ['no capacity', { capacity: 0 }, 'body.capacity'],
    ['an end before the start', { startTime: '14:00', endTime: '10:00' }, 'body.endTime'],
    ['a bad time', { startTime: '25:00' }, 'body.startTime'],
    ['an unknown employer', { employerIds: [new Types.ObjectId().toString()] }, 'body.employerIds.0'],
    ['an unknown posting', { postingIds: [new Types.ObjectId().toString()] }, 'body.postingIds.0'],
    ['an operator for a title', { title: { $gt: '' } as unknown as string }, 'body.title'],
  ])('refuses %s naming the field, storing nothing', async (_, overrides, field) => {
    const before = await fairCount();
    const response = await hr.post('/api/job-fairs', fairBody(overrides));
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((detail: { field: string }) => detail.field)).toContain(field);
    expect(await fairCount()).toBe(before);
  });

  it('cancels a fair with a reason; sign-up closes', async () => {
    const id = await publishedFair();
    const resident = asResident(t, (await t.residentToken()).token);
    expect((await resident.post(`/api/resident/job-fairs/${id}/signup`, { name: '张三' })).status).toBe(201);
    const cancelled = await hr.post(`/api/job-fairs/${id}/cancel`, { reason: '场地临时改作防汛物资点' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '场地临时改作防汛物资点' });
    const late = asResident(t, (await t.residentToken()).token);
    const refused = await late.post(`/api/resident/job-fairs/${id}/signup`, { name: '李四' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('SIGNUP_CLOSED');
    expect((await resident.get(`/api/resident/job-fairs/${id}`)).body.cancelReason).toBe('场地临时改作防汛物资点');
  });
});

describe('sign-up, e-ticket and check-in', () => {
  it('signs a resident up once, issues a ticket, checks it in once and says when', async () => {
    const id = await publishedFair();
    const resident = asResident(t, (await t.residentToken()).token);
    const signed = await resident.post(`/api/resident/job-fairs/${id}/signup`, { name: '王秀英' });
    expect(signed.status).toBe(201);
    const ticket = (signed.body as ResidentSignup).ticket!;
    expect(ticket.qr).toMatch(/^AQT1:F:/);
    expect(ticket.code).toMatch(new RegExp(`^[${TICKET_CODE_ALPHABET}]{4}-[${TICKET_CODE_ALPHABET}]{4}$`));

    const again = await resident.post(`/api/resident/job-fairs/${id}/signup`, { name: '王秀英' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(signed.body.id);
    expect((await resident.get(`/api/resident/job-fairs/${id}/signup`)).body).toMatchObject({ id: signed.body.id, ticket, fair: { id, taken: 1 } });
    expect((await resident.get('/api/resident/job-fair-signups')).body.items).toHaveLength(1);

    expect((await hr.post(`/api/job-fairs/${id}/check-in`, { ticket: ticket.qr })).body.error.code).toBe('JOB_FAIR_TRANSITION_NOT_ALLOWED');
    t.clock.advanceDays(1);
    const first = await hr.post(`/api/job-fairs/${id}/check-in`, { ticket: ticket.qr });
    expect(first.status).toBe(200);
    expect(first.body.signup).toMatchObject({ nameMasked: '王*英', checkedInBy: hrName });

    const second = await hr.post(`/api/job-fairs/${id}/check-in`, { ticket: ticket.code.toLowerCase() });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('TICKET_ALREADY_CHECKED_IN');
    expect(second.body.error.message).toMatch(/已于 \d{4}年\d+月\d+日 \d{2}:\d{2} 签到/);
    expect(second.body.error.details[0]).toEqual({ field: 'firstCheckedInAt', message: first.body.signup.checkedInAt });

    expect((await hr.get(`/api/job-fairs/${id}/stats`)).body).toMatchObject({ signedUp: 1, checkedIn: 1, checkInRate: 1 });
  });

  it('refuses forged, altered and other fairs’ tickets', async () => {
    const id = await publishedFair();
    const otherId = await publishedFair({ title: '另一场招聘会' });
    const resident = asResident(t, (await t.residentToken()).token);
    const ticket = (await resident.post(`/api/resident/job-fairs/${id}/signup`, { name: '赵六' })).body.ticket;
    const other = (await resident.post(`/api/resident/job-fairs/${otherId}/signup`, { name: '赵六' })).body.ticket;
    t.clock.advanceDays(1);
    const [prefix, kind, eventId, signupId, signature] = ticket.qr.split(':');
    const flip = (text: string) => `${text.slice(0, -1)}${text.endsWith('A') ? 'B' : 'A'}`;
    const forgeries = [
      `${prefix}:${kind}:${eventId}:${new Types.ObjectId().toString()}:${signature}`,
      `${prefix}:${kind}:${eventId}:${signupId}:${flip(signature)}`,
      `${prefix}:T:${eventId}:${signupId}:${signature}`,
      other.qr,
      other.code,
      'ZZZZ-ZZZZ',
      flip(ticket.code.replace('-', '')),
    ];
    for (const forged of forgeries) {
      const response = await hr.post(`/api/job-fairs/${id}/check-in`, { ticket: forged });
      expect({ forged, status: response.status, code: response.body.error?.code }).toEqual({ forged, status: 400, code: 'TICKET_INVALID' });
    }
    expect((await hr.post(`/api/job-fairs/${id}/check-in`, { ticket: ticket.code })).status).toBe(200);
  });

  it('refuses sign-up and cancellation once the fair has started', async () => {
    const id = await publishedFair({ date: addDays(t.clock.today(), 1), startTime: '00:05', endTime: '23:55' });
    const early = asResident(t, (await t.residentToken()).token);
    expect((await early.post(`/api/resident/job-fairs/${id}/signup`, { name: '孙七' })).status).toBe(201);
    t.clock.advanceDays(1);
    const resident = asResident(t, (await t.residentToken()).token);
    const response = await resident.post(`/api/resident/job-fairs/${id}/signup`, { name: '周八' });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('SIGNUP_CLOSED');
    expect((await early.post(`/api/resident/job-fairs/${id}/signup/cancel`)).body.error.code).toBe('SIGNUP_NOT_CANCELLABLE');
  });

  it('gives a cancelled place back', async () => {
    const id = await publishedFair({ capacity: 1 });
    const first = asResident(t, (await t.residentToken()).token);
    const second = asResident(t, (await t.residentToken()).token);
    expect((await first.post(`/api/resident/job-fairs/${id}/signup`, { name: '吴九' })).status).toBe(201);
    const full = await second.post(`/api/resident/job-fairs/${id}/signup`, { name: '郑十' });
    expect(full.status).toBe(409);
    expect(full.body.error).toMatchObject({ code: 'SIGNUP_FULL', message: expect.stringContaining('已满') });
    expect((await first.post(`/api/resident/job-fairs/${id}/signup/cancel`)).body).toMatchObject({ status: 'cancelled', ticket: null });
    expect((await second.post(`/api/resident/job-fairs/${id}/signup`, { name: '郑十' })).status).toBe(201);
    expect((await hr.get(`/api/job-fairs/${id}`)).body).toMatchObject({ taken: 1, remaining: 0, phase: 'full' });
    expect((await hr.patch(`/api/job-fairs/${id}`, { capacity: 0 })).status).toBe(400);
  });

  it('refuses a bad name, naming the field and storing nothing', async () => {
    const id = await publishedFair();
    const resident = asResident(t, (await t.residentToken()).token);
    const response = await resident.post(`/api/resident/job-fairs/${id}/signup`, { name: '<script>' });
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].field).toBe('body.name');
    expect(await t.connection.collection('signups').countDocuments({ eventId: new Types.ObjectId(id) })).toBe(0);
  });

  it('signs the same resident up once when 20 requests arrive at once, leaving the last place to another', async () => {
    const id = await publishedFair({ capacity: 2 });
    const resident = asResident(t, (await t.residentToken()).token);
    const other = asResident(t, (await t.residentToken()).token);
    const repeat = () => resident.post(`/api/resident/job-fairs/${id}/signup`, { name: '冯十一' });
    const answers = await Promise.all([...Array.from({ length: 20 }, repeat), other.post(`/api/resident/job-fairs/${id}/signup`, { name: '卫十二' })]);
    const othersAnswer = answers.pop()!;
    const responses = answers;
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    expect(responses.filter((response) => response.status === 200)).toHaveLength(19);
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    expect(othersAnswer.status).toBe(201);
    expect(await t.connection.collection('signups').countDocuments({ eventId: new Types.ObjectId(id) })).toBe(2);
    expect((await hr.get(`/api/job-fairs/${id}`)).body).toMatchObject({ taken: 2, remaining: 0 });
  });

  it('issues exactly 500 tickets when 1,000 residents sign up for 500 places at once (service layer)', async () => {
    const id = await publishedFair({ capacity: 500 });
    const residents = await storedResidents(1000);
    const outcomes = await Promise.allSettled(residents.map((residentId) => t.services.jobFairs.signUp(residentId, id, { name: '搬迁群众' })));
    const tickets = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(tickets).toHaveLength(500);
    expect(refused).toHaveLength(500);
    for (const error of refused) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'SIGNUP_FULL', status: 409 });
      expect((error as AppError).message).toContain('已满');
    }
    expect(await t.connection.collection('signups').countDocuments({ eventId: new Types.ObjectId(id), status: 'confirmed' })).toBe(500);
    expect((await hr.get(`/api/job-fairs/${id}`)).body).toMatchObject({ taken: 500, remaining: 0 });
    const late = await asResident(t, (await t.residentToken()).token).post(`/api/resident/job-fairs/${id}/signup`, { name: '陈十二' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('已满');
  }, 120_000);

  it('exports the sign-up and check-in sheet as .xlsx, audited', async () => {
    const id = await publishedFair({ title: '导出测试招聘会' });
    const resident = asResident(t, (await t.residentToken()).token);
    const ticket = (await resident.post(`/api/resident/job-fairs/${id}/signup`, { name: '褚十三' })).body.ticket;
    t.clock.advanceDays(1);
    await hr.post(`/api/job-fairs/${id}/check-in`, { ticket: ticket.code });
    const response = await hr.get(`/api/job-fairs/${id}/export`).buffer(true).parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.getWorksheet('报名签到表')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[2]).toEqual(['序号', '姓名', '手机号', '电子票号', '状态', '报名时间', '签到时间', '签到人']);
    expect(rows[3]).toEqual(expect.arrayContaining([1, '褚十三', ticket.code, '已签到', hrName]));
    expect(await t.connection.collection('audit_logs').countDocuments({ action: 'job-fair.export', targetId: id, result: 'success' })).toBe(1);
  });
});

describe('what a fair brought', () => {
  it('counts the applications made to its postings on the fair’s day, and the hires among them', async () => {
    const employerId = (await hr.post('/api/employers', buildEmployerBody())).body.id;
    const draft = await hr.post('/api/job-postings', buildPostingBody(t, employerId, { headcount: 5 }));
    const postingId = draft.body.id;
    expect((await hr.post(`/api/job-postings/${postingId}/publish`)).status).toBe(200);
    const id = await publishedFair({ employerIds: [employerId], postingIds: [postingId] });
    const applicant = async (name: string) => {
      const resident = asResident(t, (await t.residentToken()).token);
      expect((await resident.put('/api/resident/resume', { name, phone: '13912345678' })).status).toBe(200);
      return resident;
    };
    const apply = async (resident: ReturnType<typeof asResident>) => (await resident.post(`/api/resident/job-postings/${postingId}/apply`)).body.id as string;

    await apply(await applicant('杨早早'));
    t.clock.advanceDays(1);
    const hiredAtFair = await apply(await applicant('朱当天'));
    await apply(await applicant('秦当天'));
    expect((await hr.post(`/api/job-applications/${hiredAtFair}/hire`, {})).status).toBe(200);

    const stats = await hr.get(`/api/job-fairs/${id}/stats`);
    expect(stats.body).toMatchObject({ applications: 2, hires: 1 });
  });
});

describe('the reminder the day before', () => {
  it('queues one reminder per sign-up, however often the job runs', async () => {
    const id = await publishedFair({ date: addDays(t.clock.today(), 3), startTime: '09:00', endTime: '12:00' });
    const { token, login } = await t.residentToken();
    const resident = asResident(t, token);
    expect((await resident.post('/api/resident/subscriptions', { accepted: ['event_reminder', 'event_reminder'] })).status).toBe(204);
    await resident.post(`/api/resident/job-fairs/${id}/signup`, { name: '卫十四' });
    const reminders = () => t.connection.collection('outbound_messages').countDocuments({ residentId: login.resident.id, templateKey: 'event_reminder' });

    await t.services.signups.queueReminders();
    expect(await reminders()).toBe(0);

    const fair = (await hr.get(`/api/job-fairs/${id}`)).body;
    t.clock.advanceDays((Date.parse(fair.startsAt) - t.clock.now().getTime() - 12 * 3_600_000) / 86_400_000);
    await Promise.all([t.services.signups.queueReminders(), t.services.signups.queueReminders()]);
    await t.services.signups.queueReminders();
    expect(await reminders()).toBe(1);
    const message = await t.connection.collection('outbound_messages').findOne({ residentId: login.resident.id, templateKey: 'event_reminder' });
    expect(message).toMatchObject({ page: `subpackages/job-fairs/pages/ticket/index?id=${id}`, data: { thing1: { value: expect.any(String) }, thing3: { value: '县城安置点综合服务中心' } } });
  });
});

describe('the waitlist (training courses)', () => {
  it('queues sign-ups when full and moves the first in line up when a place comes back', async () => {
    const eventId = new Types.ObjectId().toString();
    await t.services.signups.defineEvent({ id: eventId, kind: 'training', title: '家政服务培训班', place: '县职业技术学校', startsAt: new Date(t.clock.now().getTime() + 7 * 86_400_000), capacity: 1, open: true });
    const [a, b, c] = await storedResidents(3);
    expect((await t.services.signups.signUp(eventId, a, { name: '甲某某' })).signup.status).toBe('confirmed');
    expect((await t.services.signups.signUp(eventId, b, { name: '乙某某' })).signup).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, ticket: null });
    expect((await t.services.signups.signUp(eventId, c, { name: '丙某某' })).signup).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    await t.services.signups.cancel(eventId, a);
    expect(await t.services.signups.mineFor(eventId, b)).toMatchObject({ status: 'confirmed', ticket: expect.anything() });
    expect(await t.services.signups.mineFor(eventId, c)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await t.services.signups.counts([eventId])).get(eventId)).toEqual({ capacity: 1, taken: 1, remaining: 0, waitlisted: 1 });
  });
});
