import { Types } from 'mongoose';
import {
  addDays,
  chinaDate,
  nextStatus,
  REGISTRATION_STATUSES,
  type RegistrationAction,
  type RegistrationStatus,
  RESIDENT_NEXT_STEP,
  STAFF_ROLES,
  type StaffRole,
} from '@anqian/shared';
import { asResident, asStaff, buildSubmitBody, endNoticePeriod, registrationFlow, shortestNoticePeriod, villageOf } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp;
let flow: ReturnType<typeof registrationFlow>;
const staff = {} as Record<StaffRole, ReturnType<typeof asStaff>>;
const staffNames: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  flow = registrationFlow(t);
  for (const role of STAFF_ROLES) {
    const signedIn = await t.staffAgent(role);
    staff[role] = asStaff(signedIn);
    staffNames.push(signedIn.user.displayName);
  }
});
afterAll(() => t.close());

const registrations = () => t.connection.db!.collection('registrations');
const stored = (id: string) => registrations().findOne({ _id: new Types.ObjectId(id) });
const visitBody = () => ({ visit: { date: addDays(chinaDate(), -2), visitors: '张三、李四', peoplePresent: '户主及其配偶', houseStructure: 'matches', hazard: 'confirmed', findings: '后山裂缝宽约 5 厘米，房屋墙体开裂', photoIds: [] } });
const createSite = async (capacity: number) =>
  (await staff.county_admin.post('/api/sites', { name: `安置点${capacity}`, townshipCode: t.county.children[0].code, type: 'centralized', capacity, constructionStatus: 'completed' })).body;
const publish = (ids: string[], period = shortestNoticePeriod(t)) =>
  staff.township_staff.post('/api/public-notices', { title: '第一批避险搬迁农户公示', intro: '如有异议请向乡政府反映', ...period, registrationIds: ids });

describe('the whole workflow through the API', () => {
  it('goes submitted → accepted → verified → publicizing → approved, with objections in between', async () => {
    const { token } = await t.residentToken();
    const resident = asResident(t, token);
    const site = await createSite(800);
    const submitted = await resident.post('/api/resident/registrations', buildSubmitBody(villageOf(t.county)));
    const id = submitted.body.id as string;
    const { township_staff: township, county_admin: county } = staff;

    const opened = await township.get(`/api/registrations/${id}`);
    expect(opened.body).toMatchObject({ status: 'submitted', allowedActions: ['accept', 'return'], correctable: true, notes: [], objections: [], previous: [] });
    expect((await county.get(`/api/registrations/${id}`)).body.allowedActions).toEqual(['accept', 'return', 'reject']);
    expect((await staff.village_cadre.get(`/api/registrations/${id}`)).body.allowedActions).toEqual([]);

    const accepted = await township.post(`/api/registrations/${id}/accept`, { note: '材料齐全' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', allowedActions: ['verify', 'return'] });

    const verified = await township.post(`/api/registrations/${id}/verify`, visitBody());
    expect(verified.body.status).toBe('verified');
    expect(verified.body.timeline.at(-1)).toMatchObject({ action: 'verify', from: 'accepted', to: 'verified', actorLabel: '乡镇工作人员', visit: { ...visitBody().visit, photos: [] } });

    await staff.village_cadre.post(`/api/registrations/${id}/notes`, { text: '户主儿子在外务工，电话联系' });
    const notice = await publish([id]);
    expect(notice.status).toBe(201);
    expect((await stored(id))!.status).toBe('publicizing');

    const objected = await township.post(`/api/registrations/${id}/objections`, { raisedBy: '同组村民', content: '该户在城里已有住房' });
    endNoticePeriod(t, notice.body);
    expect(objected.body.objections).toEqual([
      { id: expect.any(String), raisedBy: '同组村民', content: '该户在城里已有住房', recordedBy: expect.any(String), recordedAt: expect.any(String), status: 'open' },
    ]);
    const blocked = await county.post(`/api/registrations/${id}/approve`, { siteId: site.id });
    expect([blocked.status, blocked.body.error.code]).toEqual([409, 'OBJECTION_OPEN']);

    const objectionId = objected.body.objections[0].id;
    const resolved = await township.post(`/api/registrations/${id}/objections/${objectionId}/resolve`, { outcome: 'dismissed', resolution: '经核实该住房已出售' });
    expect(resolved.body.objections[0]).toMatchObject({ status: 'dismissed', resolution: '经核实该住房已出售', resolvedBy: expect.any(String) });
    const resolvedAgain = await township.post(`/api/registrations/${id}/objections/${objectionId}/resolve`, { outcome: 'upheld', resolution: '再次处理' });
    expect(resolvedAgain.status).toBe(409);

    const withoutSite = await county.post(`/api/registrations/${id}/approve`, {});
    expect(withoutSite.status).toBe(400);
    expect(withoutSite.body.error.details.map((d: { field: string }) => d.field)).toEqual(['body.siteId']);
    const approved = await county.post(`/api/registrations/${id}/approve`, { siteId: site.id, note: '同意搬迁' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', allowedActions: [], assignedSite: { id: site.id, name: site.name } });
    expect((await county.get(`/api/sites/${site.id}`)).body).toMatchObject({ capacity: 800, assigned: 1, remaining: 799 });

    // The resident sees every step, who did it in words, and no internal notes, objections or staff names.
    const view = (await resident.get(`/api/resident/registrations/${id}`)).body;
    expect(view).toMatchObject({ status: 'approved', statusLabel: '审批通过', nextStep: RESIDENT_NEXT_STEP.approved, assignedSite: { id: site.id } });
    expect(view.notice).toEqual({ id: notice.body.id, title: '第一批避险搬迁农户公示', startDate: notice.body.startDate, endDate: notice.body.endDate });
    expect(view.timeline.map((e: { action: string; actorLabel: string; reason?: string }) => [e.action, e.actorLabel, e.reason])).toEqual([
      ['submit', '本人', undefined],
      ['accept', '乡镇工作人员', '材料齐全'],
      ['verify', '乡镇工作人员', undefined],
      ['publicize', '乡镇工作人员', undefined],
      ['approve', '县级管理员', '同意搬迁'],
    ]);
    const shown = JSON.stringify(view);
    for (const hidden of ['户主儿子在外务工', '该户在城里已有住房', '同组村民', ...staffNames]) expect(shown).not.toContain(hidden);
    expect(view).not.toHaveProperty('notes');
    expect(view).not.toHaveProperty('objections');

    const audit = await t.connection.db!.collection('audit_logs').find({ targetId: id }).sort({ at: 1 }).toArray();
    expect(audit.map((a) => [a.action, a.result])).toEqual([
      ['registration.accept', 'success'],
      ['registration.verify', 'success'],
      ['registration.note', 'success'],
      ['registration.objection', 'success'],
      ['registration.approve', 'failure'],
      ['registration.objection-resolve', 'success'],
      ['registration.objection-resolve', 'failure'],
      ['registration.approve', 'failure'],
      ['registration.approve', 'success'],
    ]);
  });

  it('returns a case with a reason the resident sees, who corrects and resubmits it', async () => {
    const { token } = await t.residentToken();
    const resident = asResident(t, token);
    const body = buildSubmitBody(villageOf(t.county));
    const { id } = (await resident.post('/api/resident/registrations', body)).body;
    const early = await resident.put(`/api/resident/registrations/${id}`, { household: body.household, wishes: body.wishes });

    await staff.township_staff.post(`/api/registrations/${id}/accept`, {});
    const returned = await staff.township_staff.post(`/api/registrations/${id}/return`, { reason: '请补充房屋照片和隐患点编号' });
    const seen = (await resident.get(`/api/resident/registrations/${id}`)).body;
    const corrected = { ...body.household, address: '三组 20 号', house: { ...body.household.house, floorArea: 92 } };
    const resubmitted = await resident.put(`/api/resident/registrations/${id}`, { household: corrected, wishes: { ...body.wishes, resettlementType: 'urban' } });

    expect([early.status, early.body.error.code]).toEqual([409, 'REGISTRATION_TRANSITION_NOT_ALLOWED']);
    expect(returned.body.status).toBe('returned');
    expect(seen).toMatchObject({ status: 'returned', canResubmit: true, canWithdraw: false, nextStep: RESIDENT_NEXT_STEP.returned });
    expect(seen.timeline.at(-1)).toMatchObject({ action: 'return', actorLabel: '乡镇工作人员', reason: '请补充房屋照片和隐患点编号' });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toMatchObject({
      status: 'submitted',
      canWithdraw: true,
      household: { address: '三组 20 号', house: { floorArea: 92 } },
      wishes: { resettlementType: 'urban' },
    });
    expect(resubmitted.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'return', 'resubmit']);
    expect((await stored(id))!.household.address).toBe('三组 20 号');
  });

  it('refuses approval while the notice period runs, and records objections only while publicizing', async () => {
    const id = await flow.inStatus('publicizing');
    t.clock.advanceDays(t.config.noticeMinDays - 1); // the notice's last day
    const verified = await flow.inStatus('verified');

    const early = await staff.county_admin.post(`/api/registrations/${id}/approve`, { siteId: (await createSite(5)).id });
    const objection = await staff.township_staff.post(`/api/registrations/${verified}/objections`, { raisedBy: '村民', content: '情况不属实' });
    const byCadre = await staff.village_cadre.post(`/api/registrations/${id}/objections`, { raisedBy: '村民', content: '情况不属实' });

    expect([early.status, early.body.error.code]).toEqual([409, 'NOTICE_PERIOD_NOT_ENDED']);
    expect((await stored(id))!.status).toBe('publicizing');
    expect([objection.status, objection.body.error.code]).toEqual([409, 'REGISTRATION_TRANSITION_NOT_ALLOWED']);
    expect([byCadre.status, byCadre.body.error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('closes an upheld objection without changing the status; the county then rejects, and the household may register again', async () => {
    const body = buildSubmitBody(villageOf(t.county));
    const id = await flow.inStatus('publicizing', { body });
    const objected = await staff.township_staff.post(`/api/registrations/${id}/objections`, { raisedBy: '村民小组长', content: '该户已在外地购房' });

    const upheld = await staff.county_admin.post(`/api/registrations/${id}/objections/${objected.body.objections[0].id}/resolve`, {
      outcome: 'upheld',
      resolution: '异议属实',
    });
    const townshipReturn = await staff.township_staff.post(`/api/registrations/${id}/return`, { reason: '异议属实' });
    const rejected = await staff.county_admin.post(`/api/registrations/${id}/reject`, { reason: '经公示核实，该户已在外地购房' });
    const again = await flow.create({ body: { ...body, idempotencyKey: 'another-key-0123456789' } });
    const detail = await staff.county_admin.get(`/api/registrations/${again}`);

    expect(upheld.body).toMatchObject({ status: 'publicizing', objections: [{ status: 'upheld' }] });
    expect([townshipReturn.status, townshipReturn.body.error.code]).toEqual([409, 'REGISTRATION_TRANSITION_NOT_ALLOWED']);
    expect(rejected.body).toMatchObject({ status: 'rejected', allowedActions: [] });
    expect(detail.body.previous).toEqual([{ id, status: 'rejected', submittedAt: expect.any(String) }]);
  });

  it('tells the resident about status changes made by staff, once per subscription they granted', async () => {
    const { token, login } = await t.residentToken();
    const resident = asResident(t, token);
    const { id } = (await resident.post('/api/resident/registrations', buildSubmitBody(villageOf(t.county)))).body;
    await resident.post('/api/resident/subscriptions', { accepted: ['registration_status'] });

    await staff.township_staff.post(`/api/registrations/${id}/accept`, {});
    await staff.township_staff.post(`/api/registrations/${id}/return`, { reason: '请补充房屋照片' });

    const messages = await t.connection.db!.collection('outbound_messages').find({ residentId: login.resident.id }).toArray();
    expect(messages).toHaveLength(1);
    expect(messages[0].page).toContain(id);
    expect(JSON.stringify(messages[0].data)).toContain('已受理');
  });

  it('keeps the on-site visit photos with the verification', async () => {
    const id = await flow.inStatus('accepted');
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(100, 3), Buffer.from([0xff, 0xd9])]);
    const township = await t.staffAgent('township_staff');
    const photo = (await township.agent.post('/api/photos').set('X-CSRF-Token', township.csrf).attach('file', jpeg, { filename: 'visit.jpg', contentType: 'image/jpeg' })).body;
    const body = visitBody();

    const verified = await asStaff(township).post(`/api/registrations/${id}/verify`, { visit: { ...body.visit, photoIds: [photo.id] } });

    expect(verified.status).toBe(200);
    expect(verified.body.timeline.at(-1).visit).toEqual({ ...body.visit, photoIds: [photo.id], photos: [photo] });
  });

  it('stores a corrected household whose head another registration names, and marks both for staff', async () => {
    const { token, login } = await t.residentToken();
    const other = buildSubmitBody(villageOf(t.county));
    const otherId = await flow.create({ body: other });
    const id = await flow.inStatus('returned', { residentId: login.resident.id });
    const mine = buildSubmitBody(villageOf(t.county));

    const response = await asResident(t, token).put(`/api/resident/registrations/${id}`, {
      household: { ...mine.household, head: other.household.head },
      wishes: mine.wishes,
    });

    expect([response.status, response.body.status]).toEqual([200, 'submitted']);
    expect([(await stored(id))!.householdClash, (await stored(otherId))!.householdClash]).toEqual([true, true]);
  });

  it('shows the full ID numbers and phone only through the audited reveal', async () => {
    const body = buildSubmitBody(villageOf(t.county));
    const id = await flow.create({ body });

    const revealed = await staff.township_staff.post(`/api/registrations/${id}/reveal`);
    const byCadre = await staff.village_cadre.post(`/api/registrations/${id}/reveal`);

    expect(revealed.body).toEqual({
      head: { name: '李建国', idNumber: body.household.head.idNumber, phone: body.household.head.phone },
      members: [{ name: '王秀英', idNumber: body.household.members![0].idNumber }],
    });
    expect(byCadre.status).toBe(403);
    const detail = JSON.stringify((await staff.township_staff.get(`/api/registrations/${id}`)).body);
    expect(detail).not.toContain(body.household.head.idNumber);
    expect(detail).not.toContain(body.household.head.phone);
    const audit = await t.connection.db!.collection('audit_logs').find({ action: 'registration.reveal', targetId: id }).toArray();
    expect(audit.map((a) => [a.result, a.role])).toEqual([['success', 'township_staff']]);
  });
});

describe('every transition the workflow refuses', () => {
  type StaffAction = Exclude<RegistrationAction, 'submit' | 'resubmit' | 'withdraw' | 'publicize' | 'dismissDuplicate'>;
  const bodies: Record<StaffAction, () => object> = {
    accept: () => ({ note: '受理' }),
    verify: visitBody,
    return: () => ({ reason: '请补充材料' }),
    reject: () => ({ reason: '不符合条件' }),
    approve: () => ({}),
  };
  const routeRoles: Record<StaffAction, StaffRole[]> = {
    accept: ['county_admin', 'township_staff'],
    verify: ['county_admin', 'township_staff'],
    return: ['county_admin', 'township_staff'],
    reject: ['county_admin'],
    approve: ['county_admin'],
  };
  const byStatus = {} as Record<RegistrationStatus, string>;
  let residentToken: string;

  beforeAll(async () => {
    const { token, login } = await t.residentToken();
    residentToken = token;
    for (const status of REGISTRATION_STATUSES) byStatus[status] = await flow.inStatus(status, { residentId: login.resident.id });
  });

  const snapshot = async (id: string) => {
    const doc = (await stored(id))!;
    return { status: doc.status, steps: doc.timeline.length, updatedAt: doc.updatedAt, activeLock: doc.activeLock };
  };

  const staffCases = REGISTRATION_STATUSES.flatMap((status) =>
    (Object.keys(bodies) as StaffAction[]).flatMap((action) =>
      STAFF_ROLES.filter((role) => nextStatus(status, action, role) === null).map((role) => [status, action, role] as const),
    ),
  );

  it.each(staffCases)('%s: %s by %s answers 403 or 409 and changes nothing', async (status, action, role) => {
    const id = byStatus[status];
    const before = await snapshot(id);

    const response = await staff[role].post(`/api/registrations/${id}/${action}`, bodies[action]());

    const expected = routeRoles[action].includes(role) ? [409, 'REGISTRATION_TRANSITION_NOT_ALLOWED'] : [403, 'FORBIDDEN'];
    expect([response.status, response.body.error?.code]).toEqual(expected);
    expect(await snapshot(id)).toEqual(before);
  });

  const residentCases = REGISTRATION_STATUSES.flatMap((status) =>
    (['withdraw', 'resubmit'] as const).filter((action) => nextStatus(status, action, 'household') === null).map((action) => [status, action] as const),
  );

  it.each(residentCases)('%s: %s by the resident answers 409 and changes nothing', async (status, action) => {
    const id = byStatus[status];
    const before = await snapshot(id);
    const resident = asResident(t, residentToken);
    const body = buildSubmitBody(villageOf(t.county));

    const response =
      action === 'withdraw'
        ? await resident.post(`/api/resident/registrations/${id}/withdraw`)
        : await resident.put(`/api/resident/registrations/${id}`, { household: body.household, wishes: body.wishes });

    expect([response.status, response.body.error.code]).toEqual([409, 'REGISTRATION_TRANSITION_NOT_ALLOWED']);
    expect(await snapshot(id)).toEqual(before);
  });
});
