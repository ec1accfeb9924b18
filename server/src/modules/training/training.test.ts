import ExcelJS from 'exceljs';
import { Types } from 'mongoose';
import { addDays, type CourseBody } from '@anqian/shared';
import { asResident, asStaff, buildIdNumber, buildSubmitBody, registrationFlow, villageOf } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { buildEmployerBody, buildPostingBody } from '../jobs/job-test-helpers';

let t: TestApp;
let hrAgent: Awaited<ReturnType<TestApp['staffAgent']>>;
let hr: ReturnType<typeof staffApi>;
let employerId: string;

/** asStaff plus PUT, which the attendance and result routes use. */
function staffApi(staff: Awaited<ReturnType<TestApp['staffAgent']>>) {
  return { ...asStaff(staff), put: (path: string, body?: object) => staff.agent.put(path).set('X-CSRF-Token', staff.csrf).send(body) };
}

beforeAll(async () => {
  t = await createTestApp();
  hrAgent = await t.staffAgent('hr_staff');
  hr = staffApi(hrAgent);
  employerId = (await hr.post('/api/employers', buildEmployerBody())).body.id;
});
afterAll(async () => t.close());

const township = (index = 0) => t.county.children[index].code;

/** Three sessions from three days on, sign-up until the day before; review by the bureau. */
const courseBody = (overrides: Partial<CourseBody> = {}): CourseBody => {
  const today = t.clock.today();
  return {
    title: '家政服务员培训班',
    category: 'housekeeping',
    provider: '县职业技能培训学校',
    partners: [{ employerId, committedHires: 10 }],
    description: '学习保洁、做饭、照护老人，结业后推荐到合作家政公司上岗',
    divisionCode: township(0),
    address: '安置点综合服务中心三楼',
    sessions: [1, 2, 3].map((day) => ({ date: addDays(today, 2 + day), startTime: '09:00', endTime: '12:00', topic: `第${day}课` })),
    capacity: 2,
    signupDeadline: addDays(today, 2),
    eligibility: { minAge: 18, maxAge: 50, priorityForRelocated: true, townshipCodes: [] },
    costFen: 0,
    subsidyFen: 150000,
    completion: { minAttendancePercent: 60, examRequired: false },
    admission: 'review',
    ...overrides,
  };
};

async function publishedCourse(overrides: Partial<CourseBody> = {}): Promise<string> {
  const created = await hr.post('/api/training/courses', courseBody(overrides));
  expect(created.status).toBe(201);
  expect((await hr.post(`/api/training/courses/${created.body.id}/publish`)).status).toBe(200);
  return created.body.id;
}

/**
 * A resident whose household file (a head of `headAge`, a spouse of 43) staff verified, or
 * approved; the member keys are those the resident may apply for.
 */
async function residentWithHousehold(options: { status?: 'verified' | 'approved' | 'accepted'; headAge?: number; townshipIndex?: number } = {}) {
  const { token, login } = await t.residentToken();
  const body = buildSubmitBody(villageOf(t.county, options.townshipIndex ?? 0), {
    household: {
      head: { name: '李建国', idNumber: buildIdNumber({ gender: 'male', age: options.headAge ?? 40 }), phone: '13912345678', workAbility: 'full', specialStatus: [] },
    },
    ...(options.status === 'approved' && { wishes: { resettlementType: 'scattered' } }),
  });
  const registrationId = await registrationFlow(t).inStatus(options.status ?? 'verified', { residentId: login.resident.id, body });
  const keyOf = (idNumber: string) => t.services.registrations.personKeyOf(idNumber);
  return {
    api: asResident(t, token),
    residentId: login.resident.id as string,
    registrationId,
    head: keyOf(body.household.head.idNumber),
    spouse: keyOf(body.household.members![0].idNumber),
  };
}

const applicationsOf = async (id: string, query: Record<string, string | number> = {}) => (await hr.get(`/api/training/courses/${id}/applications`, query)).body;
const counts = () => t.connection.collection('training_courses').countDocuments();

describe('the bureau runs courses', () => {
  it('creates a draft, edits and publishes it; residents find it without signing in, with places left and filters', async () => {
    const created = await hr.post('/api/training/courses', courseBody({ title: '电子商务培训班', category: 'ecommerce', eligibility: { minAge: 18, maxAge: 45, priorityForRelocated: true, townshipCodes: [township(1)] } }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', capacity: 2, admitted: 0, placesLeft: 2, partners: [{ employerId, committedHires: 10, name: expect.any(String) }], allowedActions: ['publish', 'cancel'] });
    expect((await t.request().get(`/api/resident/training/courses/${created.body.id}`)).status).toBe(404);

    const edited = await hr.patch(`/api/training/courses/${created.body.id}`, { capacity: 30, address: '县城电商产业园' });
    expect(edited.body).toMatchObject({ capacity: 30, placesLeft: 30, address: '县城电商产业园' });
    expect((await hr.post(`/api/training/courses/${created.body.id}/publish`)).body).toMatchObject({ status: 'published', acceptingApplications: true });
    expect((await hr.post(`/api/training/courses/${created.body.id}/publish`)).body.error.code).toBe('COURSE_TRANSITION_NOT_ALLOWED');

    const detail = await t.request().get(`/api/resident/training/courses/${created.body.id}`);
    expect(detail.body).toMatchObject({ title: '电子商务培训班', categoryLabel: '电子商务', placesLeft: 30, eligibility: { townshipNames: [expect.any(String)] }, sessions: expect.any(Array) });
    const list = (query: Record<string, string>) => t.request().get('/api/resident/training/courses').query(query);
    const ids = async (query: Record<string, string>) => (await list(query)).body.items.map((course: { id: string }) => course.id);
    expect(await ids({ category: 'ecommerce' })).toContain(created.body.id);
    expect(await ids({ category: 'housekeeping' })).not.toContain(created.body.id);
    expect(await ids({ townshipCode: township(1) })).toContain(created.body.id);
    expect(await ids({ townshipCode: township(0) })).not.toContain(created.body.id);

    const full = await publishedCourse({ title: '已满的班', capacity: 1, admission: 'auto' });
    const someone = await residentWithHousehold();
    await someone.api.post(`/api/resident/training/courses/${full}/apply`, { memberKey: someone.head });
    expect(await ids({ notFull: 'true' })).not.toContain(full);
    expect(await ids({})).toContain(full);

    const audit = await t.connection.collection('audit_logs').find({ targetId: created.body.id }).toArray();
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['training-course.create', 'training-course.update', 'training-course.publish']));
    expect(audit.find((entry) => entry.action === 'training-course.update')?.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: '招收人数', before: '2', after: '30' })]),
    );
  });

  it('lets only hr_staff write, county-wide; every other staff role reads', async () => {
    const id = await publishedCourse();
    for (const role of ['county_admin', 'township_staff', 'village_cadre'] as const) {
      const other = staffApi(await t.staffAgent(role));
      expect((await other.get('/api/training/courses')).status).toBe(200);
      expect((await other.get(`/api/training/courses/${id}`)).status).toBe(200);
      expect((await other.get(`/api/training/courses/${id}/outcomes`)).status).toBe(200);
      expect((await other.post('/api/training/courses', courseBody())).status).toBe(403);
      expect((await other.patch(`/api/training/courses/${id}`, { capacity: 5 })).status).toBe(403);
      expect((await other.post(`/api/training/courses/${id}/cancel`, { reason: '场地有变' })).status).toBe(403);
      expect((await other.post(`/api/training/courses/${id}/admit-pending`)).status).toBe(403);
      expect((await other.get(`/api/training/courses/${id}/subsidy-roster`)).status).toBe(role === 'county_admin' ? 200 : 403);
    }
    const resident = asResident(t, (await t.residentToken()).token);
    expect((await resident.get(`/api/training/courses/${id}`)).status).toBe(401);
  });

  it('refuses bad input with 400 naming the field and stores nothing', async () => {
    const before = await counts();
    const cases: [Partial<CourseBody>, string][] = [
      [{ title: '' }, 'body.title'],
      [{ category: 'cooking' as CourseBody['category'] }, 'body.category'],
      [{ capacity: 0 }, 'body.capacity'],
      [{ subsidyFen: 12.5 }, 'body.subsidyFen'],
      [{ eligibility: { minAge: 14, maxAge: 50, priorityForRelocated: true, townshipCodes: [] } }, 'body.eligibility.minAge'],
      [{ eligibility: { minAge: 40, maxAge: 30, priorityForRelocated: true, townshipCodes: [] } }, 'body.eligibility.maxAge'],
      [{ completion: { minAttendancePercent: 0, examRequired: false } }, 'body.completion.minAttendancePercent'],
      [{ sessions: [] }, 'body.sessions'],
      [{ signupDeadline: addDays(t.clock.today(), 30) }, 'body.signupDeadline'],
      [{ partners: [{ employerId: new Types.ObjectId().toString(), committedHires: 3 }] }, 'body.partners.0.employerId'],
      [{ divisionCode: '999999999999' }, 'body.divisionCode'],
      [{ sessions: [{ date: addDays(t.clock.today(), -1), startTime: '09:00', endTime: '12:00', topic: '第一课' }], signupDeadline: addDays(t.clock.today(), -2) }, 'body.sessions.0.date'],
    ];
    for (const [overrides, field] of cases) {
      const response = await hr.post('/api/training/courses', courseBody(overrides));
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(response.body.error.details.map((detail: { field: string }) => detail.field)).toContain(field);
    }
    expect(await counts()).toBe(before);

    const id = await publishedCourse();
    const resident = await residentWithHousehold();
    const bad = await resident.api.post(`/api/resident/training/courses/${id}/apply`, { memberKey: 'me' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('body.memberKey');
    expect(await t.connection.collection('training_trainees').countDocuments({ courseId: new Types.ObjectId(id) })).toBe(0);
    expect((await hr.put(`/api/training/applications/${new Types.ObjectId()}/attendance/0`, { present: true })).body.error.details[0].field).toBe('params.session');
  });
});

describe('residents apply', () => {
  it('for a verified household member; twice gives the same application; 待审核 until the bureau decides', async () => {
    const id = await publishedCourse();
    const resident = await residentWithHousehold();
    const members = await resident.api.get(`/api/resident/training/courses/${id}/members`);
    expect(members.body.items).toEqual([
      expect.objectContaining({ memberKey: resident.head, name: '李建国', relation: '户主', age: 40, eligible: true, applicationId: null }),
      expect.objectContaining({ memberKey: resident.spouse, name: '王秀英', eligible: true }),
    ]);

    const first = await resident.api.post(`/api/resident/training/courses/${id}/apply`, { memberKey: resident.spouse });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'pending', statusLabel: '待审核', name: '王秀英', ticket: null, canWithdraw: true, appliedByStaff: false });
    const again = await resident.api.post(`/api/resident/training/courses/${id}/apply`, { memberKey: resident.spouse });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);

    const mine = await resident.api.get('/api/resident/training/applications');
    expect(mine.body.items).toEqual([expect.objectContaining({ id: first.body.id, course: expect.objectContaining({ id }), statusLabel: '待审核' })]);
    expect((await applicationsOf(id)).counts).toMatchObject({ pending: 1, confirmed: 0 });
  });

  it('refuses, in plain words, someone too old, outside the townships, not verified, or after the deadline', async () => {
    const id = await publishedCourse({ eligibility: { minAge: 18, maxAge: 45, priorityForRelocated: true, townshipCodes: [] } });
    const old = await residentWithHousehold({ headAge: 58 });
    const refused = await old.api.post(`/api/resident/training/courses/${id}/apply`, { memberKey: old.head });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'TRAINING_NOT_ELIGIBLE', message: expect.stringContaining('超过了年龄') });
    expect((await old.api.get(`/api/resident/training/courses/${id}/members`)).body.items[0]).toMatchObject({ eligible: false, reason: expect.stringContaining('58 岁') });

    const local = await publishedCourse({ eligibility: { minAge: 18, maxAge: 60, priorityForRelocated: true, townshipCodes: [township(1)] } });
    const elsewhere = await old.api.post(`/api/resident/training/courses/${local}/apply`, { memberKey: old.head });
    expect(elsewhere.body.error).toMatchObject({ code: 'TRAINING_NOT_ELIGIBLE', message: expect.stringContaining('不在这些乡镇') });

    const unverified = await residentWithHousehold({ status: 'accepted' });
    expect((await unverified.api.post(`/api/resident/training/courses/${id}/apply`, { memberKey: unverified.head })).body.error.code).toBe('TRAINING_MEMBER_UNKNOWN');
    const stranger = await residentWithHousehold();
    expect((await stranger.api.post(`/api/resident/training/courses/${id}/apply`, { memberKey: old.spouse })).body.error.code).toBe('TRAINING_MEMBER_UNKNOWN');

    const late = await publishedCourse({ signupDeadline: t.clock.today() });
    t.clock.advanceDays(1);
    const afterDeadline = await stranger.api.post(`/api/resident/training/courses/${late}/apply`, { memberKey: stranger.head });
    expect(afterDeadline.status).toBe(409);
    expect(afterDeadline.body.error.code).toBe('TRAINING_SIGNUP_CLOSED');
    expect(await t.connection.collection('training_trainees').countDocuments({ courseId: new Types.ObjectId(late) })).toBe(0);

    // The maintenance job closes sign-up past the deadline: the course leaves the 还有名额 filter and shows 报名截止 to staff.
    expect(await t.services.training.closeSignupsPastDeadline()).toBeGreaterThanOrEqual(1);
    expect((await hr.get(`/api/training/courses/${late}`)).body).toMatchObject({ status: 'closed', acceptingApplications: false });
    expect(await t.services.training.closeSignupsPastDeadline()).toBe(0);
  });
});

describe('admission', () => {
  it('admits priority applicants first, waitlists the rest in order, tells the admitted, and moves the waitlist up on removal', async () => {
    // An approved household moves the calendar past its notice period, so it comes before the courses.
    const approved = await residentWithHousehold({ status: 'approved' });
    const plain1 = await residentWithHousehold();
    const plain2 = await residentWithHousehold();
    const id = await publishedCourse({ capacity: 2 });
    const id2 = await publishedCourse({ capacity: 2 });
    for (const person of [plain1, plain2, approved]) {
      expect((await person.api.post('/api/resident/subscriptions', { accepted: ['training_status', 'training_status'] })).status).toBe(204);
    }
    const apply = async (person: typeof plain1, course = id) => (await person.api.post(`/api/resident/training/courses/${course}/apply`, { memberKey: person.head })).body;
    const a1 = await apply(plain1);
    const a2 = await apply(plain2);
    const a3 = await apply(approved);
    expect((await applicationsOf(id)).items.map((item: { id: string; priority: boolean }) => [item.id, item.priority])).toEqual([
      [a3.id, true],
      [a1.id, false],
      [a2.id, false],
    ]);

    expect((await hr.post(`/api/training/courses/${id}/admit-pending`)).body).toEqual({ admitted: 2, waitlisted: 1 });
    const statuses = async () => Object.fromEntries((await applicationsOf(id)).items.map((item: { id: string; status: string; waitlistPosition: number | null }) => [item.id, [item.status, item.waitlistPosition]]));
    expect(await statuses()).toEqual({ [a3.id]: ['confirmed', null], [a1.id]: ['confirmed', null], [a2.id]: ['waitlisted', 1] });
    const waiting = (await plain2.api.get(`/api/resident/training/applications/${a2.id}`)).body;
    expect(waiting).toMatchObject({ statusLabel: '候补', waitlistPosition: 1, ticket: null });
    const admittedView = (await approved.api.get(`/api/resident/training/applications/${a3.id}`)).body;
    expect(admittedView).toMatchObject({ statusLabel: '已录取', ticket: { code: expect.any(String), qr: expect.stringMatching(/^AQT1:T:/) } });

    const messages = (residentId: string) => t.connection.collection('outbound_messages').find({ residentId, templateKey: 'training_status' }).toArray();
    expect(await messages(approved.residentId)).toHaveLength(1);
    expect(await messages(plain2.residentId)).toHaveLength(0);

    const removal = await hr.post(`/api/training/applications/${a1.id}/remove`, { reason: '连续两次联系不上本人' });
    expect(removal.body).toMatchObject({ status: 'removed', reason: '连续两次联系不上本人' });
    expect(await statuses()).toMatchObject({ [a1.id]: ['removed', null], [a2.id]: ['confirmed', null] });
    expect(await messages(plain2.residentId)).toEqual([expect.objectContaining({ data: expect.objectContaining({ thing4: { value: expect.stringContaining('候补') } }) })]);
    expect((await plain1.api.get(`/api/resident/training/applications/${a1.id}`)).body).toMatchObject({ statusLabel: '已移出', reason: '连续两次联系不上本人', canWithdraw: false });

    const b1 = await apply(plain1, id2);
    const rejected = await hr.post(`/api/training/applications/${b1.id}/reject`, { reason: '本期只招女性学员' });
    expect(rejected.body).toMatchObject({ status: 'rejected', statusLabel: '未通过' });
    expect((await plain1.api.get(`/api/resident/training/applications/${b1.id}`)).body).toMatchObject({ statusLabel: '未通过', reason: '本期只招女性学员' });
    expect((await hr.post(`/api/training/applications/${b1.id}/admit`)).body.error.code).toBe('SIGNUP_DECISION_REFUSED');
    expect((await hr.post(`/api/training/applications/${b1.id}/reject`, { reason: '' })).body.error.details[0].field).toBe('body.reason');

    const audit = await t.connection.collection('audit_logs').find({ targetId: { $in: [a1.id, b1.id] }, result: 'success' }).toArray();
    expect(audit.map((entry) => entry.action).sort()).toEqual(['training-application.reject', 'training-application.remove']);
  });

  it('lets a trainee withdraw before the start, giving the place to the first in line, and not after', async () => {
    const id = await publishedCourse({ capacity: 1, admission: 'auto' });
    const first = await residentWithHousehold();
    const second = await residentWithHousehold();
    const a = (await first.api.post(`/api/resident/training/courses/${id}/apply`, { memberKey: first.head })).body;
    const b = (await second.api.post(`/api/resident/training/courses/${id}/apply`, { memberKey: second.head })).body;
    expect([a.status, b.status, b.waitlistPosition]).toEqual(['confirmed', 'waitlisted', 1]);
    expect((await first.api.post(`/api/resident/training/applications/${a.id}/withdraw`)).body).toMatchObject({ status: 'cancelled', statusLabel: '已退出' });
    expect((await second.api.get(`/api/resident/training/applications/${b.id}`)).body).toMatchObject({ status: 'confirmed' });
    expect((await first.api.post(`/api/resident/training/applications/${b.id}/withdraw`)).status).toBe(404);

    t.clock.advanceDays(4);
    expect((await second.api.post(`/api/resident/training/applications/${b.id}/withdraw`)).body.error.code).toBe('SIGNUP_NOT_CANCELLABLE');
  });

  it('reminds admitted trainees the day before the first session, once, through the engine', async () => {
    const today = t.clock.today();
    // Midnight starting day three: two days on, the first session is always less than a day away.
    const sessions = [{ date: addDays(today, 3), startTime: '00:00', endTime: '23:59', topic: '居家保洁' }];
    const id = await publishedCourse({ capacity: 1, admission: 'auto', sessions, signupDeadline: addDays(today, 2) });
    const admitted = await residentWithHousehold();
    const waiting = await residentWithHousehold();
    for (const person of [admitted, waiting]) {
      await person.api.post('/api/resident/subscriptions', { accepted: ['event_reminder', 'event_reminder'] });
      await person.api.post(`/api/resident/training/courses/${id}/apply`, { memberKey: person.head });
    }
    const reminders = (residentId: string) => t.connection.collection('outbound_messages').countDocuments({ residentId, templateKey: 'event_reminder' });
    await t.services.signups.queueReminders();
    expect(await reminders(admitted.residentId)).toBe(0);
    t.clock.advanceDays(2);
    await t.services.signups.queueReminders();
    await t.services.signups.queueReminders();
    expect(await reminders(admitted.residentId)).toBe(1);
    expect(await reminders(waiting.residentId)).toBe(0);
  });

  it('lets township staff and cadres apply for households of their own area only, recorded as such, and see only their area', async () => {
    const id = await publishedCourse({ capacity: 10 });
    const ours = await residentWithHousehold({ townshipIndex: 0 });
    const theirs = await residentWithHousehold({ townshipIndex: 1 });
    const cadre = staffApi(await t.staffAgent('village_cadre'));
    const townshipStaff = staffApi(await t.staffAgent('township_staff'));
    const otherTownship = staffApi(await t.staffAgent('township_staff', { townshipIndex: 1 }));

    const choices = await cadre.get(`/api/training/courses/${id}/members`, { registrationId: ours.registrationId });
    expect(choices.body.items.map((item: { memberKey: string }) => item.memberKey)).toEqual([ours.head, ours.spouse]);
    const proxy = await cadre.post(`/api/training/courses/${id}/applications`, { registrationId: ours.registrationId, memberKey: ours.spouse });
    expect(proxy.status).toBe(201);
    expect(proxy.body).toMatchObject({ appliedByStaff: true, statusLabel: '待审核' });
    expect((await cadre.post(`/api/training/courses/${id}/applications`, { registrationId: theirs.registrationId, memberKey: theirs.head })).status).toBe(404);
    expect((await cadre.post(`/api/training/courses/${id}/applications`, { registrationId: ours.registrationId, memberKey: theirs.head })).body.error.code).toBe('TRAINING_MEMBER_UNKNOWN');
    expect((await cadre.get(`/api/training/courses/${id}/members`, { registrationId: theirs.registrationId })).body.items).toEqual([]);
    expect((await hr.post(`/api/training/courses/${id}/applications`, { registrationId: ours.registrationId, memberKey: ours.head })).status).toBe(403);
    expect((await otherTownship.post(`/api/training/courses/${id}/applications`, { registrationId: theirs.registrationId, memberKey: theirs.head })).status).toBe(201);

    expect((await ours.api.get('/api/resident/training/applications')).body.items).toEqual([expect.objectContaining({ id: proxy.body.id, appliedByStaff: true })]);
    const listed = (await applicationsOf(id)).items;
    expect(listed.find((item: { id: string }) => item.id === proxy.body.id)).toMatchObject({ appliedBy: { kind: 'staff' }, idNumberMasked: expect.stringContaining('********') });
    const names = async (agent: typeof cadre) => (await agent.get(`/api/training/courses/${id}/applications`)).body.items.map((item: { id: string }) => item.id);
    expect(await names(townshipStaff)).toEqual([proxy.body.id]);
    expect(await names(otherTownship)).not.toContain(proxy.body.id);
    expect((await otherTownship.get(`/api/training/applications/${proxy.body.id}`)).status).toBe(404);

    const audit = await t.connection.collection('audit_logs').findOne({ action: 'training-application.proxy-apply', targetId: proxy.body.id });
    expect(audit).not.toBeNull();
  });
});

describe('attendance, completion and certificates', () => {
  /** A running course with two admitted trainees and one still pending, on the first session's day. */
  async function runningCourse(overrides: Partial<CourseBody> = {}) {
    const id = await publishedCourse({ capacity: 2, ...overrides });
    const people = [await residentWithHousehold(), await residentWithHousehold(), await residentWithHousehold()];
    const applications = [];
    for (const person of people) applications.push((await person.api.post(`/api/resident/training/courses/${id}/apply`, { memberKey: person.head })).body);
    await hr.post(`/api/training/applications/${applications[0].id}/admit`);
    await hr.post(`/api/training/applications/${applications[1].id}/admit`);
    expect((await hr.post(`/api/training/courses/${id}/start`)).body.error.code).toBe('COURSE_TRANSITION_NOT_ALLOWED');
    t.clock.advanceDays(3);
    expect((await hr.post(`/api/training/courses/${id}/start`)).body).toMatchObject({ status: 'running' });
    return { id, people, applications };
  }

  it('ticks admitted trainees only, for sessions held, audits corrections, and checks in by ticket once', async () => {
    const { id, people, applications } = await runningCourse();
    const [a, b, pending] = applications;
    const tick = (application: { id: string }, session: number, present = true) => hr.put(`/api/training/applications/${application.id}/attendance/${session}`, { present });

    expect((await tick(a, 1)).body).toMatchObject({ attended: [1] });
    expect((await tick(pending, 1)).body.error.code).toBe('TRAINING_NOT_ADMITTED');
    expect((await tick(a, 2)).body.error.code).toBe('COURSE_TRANSITION_NOT_ALLOWED');
    expect((await tick(a, 9)).body.error.details[0].field).toBe('params.session');
    expect((await tick(a, 1, false)).body).toMatchObject({ attended: [] });
    const corrections = await t.connection.collection('audit_logs').find({ action: 'training-application.attendance', targetId: a.id, result: 'success' }).sort({ at: 1, _id: 1 }).toArray();
    expect(corrections.map((entry) => entry.changes[0])).toEqual([
      { field: '第 1 次课', before: '缺勤', after: '出勤' },
      { field: '第 1 次课', before: '出勤', after: '缺勤' },
    ]);

    const ticket = (await people[1].api.get(`/api/resident/training/applications/${b.id}`)).body.ticket;
    const checkIn = await hr.post(`/api/training/courses/${id}/sessions/1/check-in`, { ticket: ticket.code });
    expect(checkIn.body).toMatchObject({ id: b.id, attended: [1] });
    expect((await hr.post(`/api/training/courses/${id}/sessions/1/check-in`, { ticket: ticket.qr })).body.error.code).toBe('TICKET_ALREADY_CHECKED_IN');
    expect((await hr.post(`/api/training/courses/${id}/sessions/1/check-in`, { ticket: 'ZZZZ-ZZZZ' })).body.error.code).toBe('TICKET_INVALID');

    const sheet = await hr.get(`/api/training/courses/${id}/sign-in-sheet`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sheet.body as unknown as ArrayBuffer);
    const rows = workbook.getWorksheet('签到表')!.getSheetValues().filter(Boolean);
    expect(rows).toHaveLength(5);
  });

  it('issues a certificate only to a completer, shows it in 我的培训, and lists completers on the subsidy roster', async () => {
    const { id, people, applications } = await runningCourse({ completion: { minAttendancePercent: 60, examRequired: true } });
    const [a, b] = applications;
    t.clock.advanceDays(2);
    for (const session of [1, 2]) await hr.put(`/api/training/applications/${a.id}/attendance/${session}`, { present: true });
    await hr.put(`/api/training/applications/${b.id}/attendance/1`, { present: true });

    const certificate = { examPassed: true, examScore: 88, certificateKind: 'training', certificateNumber: 'PX2026-0001' };
    const short = await hr.put(`/api/training/applications/${b.id}/result`, { ...certificate, certificateNumber: 'PX2026-0002' });
    expect(short.status).toBe(409);
    expect(short.body.error).toMatchObject({ code: 'TRAINING_NOT_COMPLETED', message: expect.stringContaining('出勤 1 次，至少要 2 次') });
    expect((await hr.put(`/api/training/applications/${a.id}/result`, { ...certificate, examPassed: false })).body.error.code).toBe('TRAINING_NOT_COMPLETED');
    const issued = await hr.put(`/api/training/applications/${a.id}/result`, certificate);
    expect(issued.body).toMatchObject({ completion: { completed: true }, certificate: { kindLabel: '培训合格证', number: 'PX2026-0001' } });

    await people[0].api.post('/api/resident/subscriptions', { accepted: ['training_status'] });
    expect((await hr.post(`/api/training/courses/${id}/finish`)).body).toMatchObject({ status: 'finished' });
    const mine = (await people[0].api.get('/api/resident/training/applications')).body.items[0];
    expect(mine).toMatchObject({ certificate: { number: 'PX2026-0001' }, completion: { completed: true }, attendance: [{ present: true }, { present: true }, { present: false }] });
    const completion = await t.connection.collection('outbound_messages').findOne({ residentId: people[0].residentId, templateKey: 'training_status' });
    expect(completion?.data).toMatchObject({ phrase2: { value: '已结业' } });

    // Hired through the job board after the course started: counted without anyone entering it.
    const posting = await hr.post('/api/job-postings', buildPostingBody(t, employerId, { title: '家政服务员' }));
    await hr.post(`/api/job-postings/${posting.body.id}/publish`);
    await people[0].api.put('/api/resident/resume', { name: '李建国', phone: '13912345678', skills: ['保洁'], experience: '培训结业', wantedPayYuan: 3000, wantedPlace: '县城', availableFrom: null, freeText: '' });
    const jobApplication = await people[0].api.post(`/api/resident/job-postings/${posting.body.id}/apply`);
    await hr.post(`/api/job-applications/${jobApplication.body.id}/hire`, {});
    expect((await hr.get(`/api/training/courses/${id}/outcomes`)).body).toMatchObject({ hired: 1, hiredThroughJobs: 1 });
    await hr.put(`/api/training/applications/${a.id}/hired`, { hired: true, employerName: '云岭家政服务有限公司' });
    const dashboard = (await hr.get('/api/dashboard/training')).body;
    expect(dashboard.byCategory).toContainEqual(expect.objectContaining({ category: 'housekeeping', label: '家政服务', completed: 1, hired: 1, employmentRate: 1 }));
    expect(dashboard).toMatchObject({ completed: 1, hired: 1, completionRate: 0.5 });
    expect((await hr.get(`/api/training/courses/${id}/outcomes`)).body).toMatchObject({ admitted: 2, completed: 1, certified: 1, hired: 1, completionRate: 0.5, subsidyTotalFen: 150000 });

    const download = async (agent: ReturnType<typeof staffApi>, query: Record<string, string> = {}) =>
      agent
        .get(`/api/training/courses/${id}/subsidy-roster`, query)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
    const masked = await download(hr);
    expect(masked.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(masked.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('培训补贴申领花名册')!;
    expect(sheet.getRow(4).values).toEqual(expect.arrayContaining(['李建国', expect.stringMatching(/^532329\*{8}/), 'PX2026-0001', 1500]));
    expect(sheet.getRow(5).values).toEqual(expect.arrayContaining(['合计', 1500]));
    expect((await download(hr, { full: 'true' })).status).toBe(403);

    const admin = staffApi(await t.staffAgent('county_admin'));
    await admin.patch(`/api/staff/${hrAgent.user.id}`, { canExportPersonalData: true }).expect(200);
    const full = await download(hr, { full: 'true' });
    expect(full.status).toBe(200);
    await workbook.xlsx.load(full.body as unknown as ArrayBuffer);
    expect(String(workbook.getWorksheet('培训补贴申领花名册')!.getRow(4).getCell(3).value)).toMatch(/^532329\d{11}[\dX]$/);
    const audit = await t.connection.collection('audit_logs').find({ action: 'training-course.subsidy-roster', targetId: id }).toArray();
    expect(audit.map((entry) => entry.detail)).toEqual(expect.arrayContaining(['1 人', '1 人，含完整身份证号']));
  });
});

describe('at the same moment', () => {
  it('admits exactly 40 of 300 applicants, keeps the waitlist in order, and moves it up when 20 withdraw at once', async () => {
    const id = await publishedCourse({ capacity: 40, admission: 'auto' });
    const { signups } = t.services;
    // 300 household members applying at once through the engine (the HTTP route adds the member lookup).
    const applicants = Array.from({ length: 300 }, (_, i) => `${new Types.ObjectId().toString()}:${i % 3}`);
    const admittedNow = () => t.connection.collection('signups').countDocuments({ eventId: new Types.ObjectId(id), status: 'confirmed' });
    const samples: number[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        samples.push(await admittedNow());
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();

    const outcomes = await Promise.all(applicants.map((key) => signups.signUp(id, key, { name: '申请人' }, { contactId: null })));
    expect(outcomes.filter((outcome) => outcome.signup.status === 'confirmed')).toHaveLength(40);
    expect(outcomes.filter((outcome) => outcome.signup.status === 'waitlisted')).toHaveLength(260);
    const queue = (await signups.listFor(id)).filter((signup) => signup.status === 'waitlisted').sort((x, y) => x.waitlistPosition! - y.waitlistPosition!);
    expect(queue.map((signup) => signup.waitlistPosition)).toEqual(Array.from({ length: 260 }, (_, i) => i + 1));

    const leaving = outcomes.filter((outcome) => outcome.signup.status === 'confirmed').slice(0, 20);
    const firstInLine = queue.slice(0, 20).map((signup) => signup.residentId).sort();
    await Promise.all(leaving.map((outcome) => signups.cancel(id, applicants[outcomes.indexOf(outcome)])));
    sampling = false;
    await sampler;

    expect(Math.max(...samples)).toBeLessThanOrEqual(40);
    expect(await admittedNow()).toBe(40);
    const after = await signups.listFor(id);
    const promoted = after.filter((signup) => signup.status === 'confirmed' && firstInLine.includes(signup.residentId));
    expect(promoted).toHaveLength(20);
    expect(after.filter((signup) => signup.status === 'waitlisted').map((signup) => signup.waitlistPosition!).sort((x, y) => x - y)).toEqual(Array.from({ length: 240 }, (_, i) => i + 1));
    expect(new Set(after.map((signup) => signup.residentId)).size).toBe(300);
    expect((await signups.counts([id])).get(id)).toMatchObject({ taken: 40, remaining: 0, waitlisted: 240 });

    // And one more through HTTP: the course is full, so a real resident joins the end of the queue.
    const late = await residentWithHousehold();
    const response = await late.api.post(`/api/resident/training/courses/${id}/apply`, { memberKey: late.head });
    expect(response.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 241 });
  }, 120_000);
});
