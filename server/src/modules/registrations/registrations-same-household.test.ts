import { Types } from 'mongoose';
import { RESIDENT_NEXT_STEP, type StaffRole } from '@anqian/shared';
import { asResident, asStaff, buildSubmitBody, editStoredRegistrations, newIdempotencyKey, registrationFlow, villageOf } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp;
let flow: ReturnType<typeof registrationFlow>;
const staff = {} as Record<StaffRole, ReturnType<typeof asStaff>>;

beforeAll(async () => {
  t = await createTestApp();
  flow = registrationFlow(t);
  for (const role of ['county_admin', 'township_staff'] as const) staff[role] = asStaff(await t.staffAgent(role));
});
afterAll(() => t.close());

const stored = (id: string) => t.connection.db!.collection('registrations').findOne({ _id: new Types.ObjectId(id) });

/** Two residents, each with their own WeChat, submitting for the household `body` names. */
async function registeredTwice(body = buildSubmitBody(villageOf(t.county))) {
  const real = asResident(t, (await t.residentToken()).token);
  const other = asResident(t, (await t.residentToken()).token);
  const first = await real.post('/api/resident/registrations', body);
  const second = await other.post('/api/resident/registrations', { ...body, idempotencyKey: newIdempotencyKey() });
  return { real, other, first, second };
}

/** What a resident's answer says, without what differs between any two registrations. */
const answerShape = (body: Record<string, unknown>) => {
  const { id: _id, submittedAt: _submittedAt, updatedAt: _updatedAt, timeline, ...rest } = body as { id: string; submittedAt: string; updatedAt: string; timeline: { at: string }[] };
  return { ...rest, timeline: timeline.map(({ at: _at, ...entry }) => entry) };
};

describe('a household registered by two residents', () => {
  it('answers the second resident exactly as the first, telling nothing about the other registration', async () => {
    const { first, second } = await registeredTwice();

    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.nextStep).toBe(RESIDENT_NEXT_STEP.submitted);
    expect(answerShape(second.body)).toEqual(answerShape(first.body));
    expect(JSON.stringify(second.body)).not.toContain(first.body.id);
  });

  it('shows staff both registrations side by side, marked 同户多次登记, and accepts neither until one is kept', async () => {
    const { first, second } = await registeredTwice();

    const listed = await staff.township_staff.get('/api/registrations?householdClash=true&pageSize=100');
    const ids = listed.body.items.map((item: { id: string }) => item.id);
    expect(ids).toEqual(expect.arrayContaining([first.body.id, second.body.id]));
    expect(listed.body.items.every((item: { householdClash: boolean }) => item.householdClash)).toBe(true);

    const detail = await staff.township_staff.get(`/api/registrations/${second.body.id}`);
    expect(detail.body.householdClash).toBe(true);
    expect(detail.body.allowedActions).not.toContain('accept');
    expect(detail.body.sameHousehold.outsideArea).toBe(0);
    expect(detail.body.sameHousehold.registrations.map((r: { id: string; source: string; headPhoneMasked: string }) => [r.id, r.source, r.headPhoneMasked])).toEqual([
      [first.body.id, 'resident', '139****5678'],
      [second.body.id, 'resident', '139****5678'],
    ]);

    const accepted = await staff.township_staff.post(`/api/registrations/${first.body.id}/accept`, { note: '受理' });
    expect([accepted.status, accepted.body.error.code]).toEqual([409, 'REGISTRATION_HOUSEHOLD_CLASH']);
    expect((await stored(first.body.id))!.status).toBe('submitted');
  });

  it('keeps the one staff choose: the other is closed with a reason its resident reads, and the kept one goes ahead', async () => {
    const { other, first, second } = await registeredTwice();

    const kept = await staff.township_staff.post(`/api/registrations/${first.body.id}/keep`, {});
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ id: first.body.id, status: 'submitted', householdClash: false });
    expect(kept.body).not.toHaveProperty('sameHousehold');

    const closed = await other.get(`/api/resident/registrations/${second.body.id}`);
    expect(closed.body).toMatchObject({ status: 'rejected', canWithdraw: false, canResubmit: false });
    expect(closed.body.timeline.at(-1)).toMatchObject({ action: 'dismissDuplicate', to: 'rejected', reason: '经乡镇核对，本份登记不再办理。如有疑问请咨询乡镇。' });

    const accepted = await staff.township_staff.post(`/api/registrations/${first.body.id}/accept`, { note: '受理' });
    expect([accepted.status, accepted.body.status]).toEqual([200, 'accepted']);
    const audit = await t.connection.db!.collection('audit_logs').find({ action: 'registration.keep', targetId: first.body.id }).toArray();
    expect(audit.map((a) => a.result)).toEqual(['success']);
  });

  it('lets the real household go ahead when the other registration came after it was accepted', async () => {
    const body = buildSubmitBody(villageOf(t.county));
    const real = await t.residentToken();
    const realId = await flow.create({ residentId: real.login.resident.id, body });
    await staff.township_staff.post(`/api/registrations/${realId}/accept`, { note: '受理' });
    const other = asResident(t, (await t.residentToken()).token);

    const late = await other.post('/api/resident/registrations', { ...body, idempotencyKey: newIdempotencyKey() });
    expect(late.status).toBe(201);
    const keepingLate = await staff.township_staff.post(`/api/registrations/${late.body.id}/keep`, {});
    expect([keepingLate.status, keepingLate.body.error.message]).toEqual([409, '同户的另一份登记已“已受理”，请先退回或办结那一份，再保留这一份']);

    const keepingReal = await staff.township_staff.post(`/api/registrations/${realId}/keep`, { reason: '户主本人已登记' });
    expect([keepingReal.status, keepingReal.body.status, keepingReal.body.householdClash]).toEqual([200, 'accepted', false]);
    expect((await other.get(`/api/resident/registrations/${late.body.id}`)).body.timeline.at(-1).reason).toBe('户主本人已登记');
  });

  it('marks two registrations that arrived at the same instant when staff try to take up the second', async () => {
    const { first, second } = await registeredTwice();
    // As if both had been stored at once, each before the other existed.
    await editStoredRegistrations(t, [first.body.id, second.body.id], { $set: { householdClash: false } });
    expect((await staff.township_staff.post(`/api/registrations/${first.body.id}/accept`, { note: '受理' })).status).toBe(200);

    const refused = await staff.township_staff.post(`/api/registrations/${second.body.id}/accept`, { note: '受理' });

    expect([refused.status, refused.body.error.code]).toEqual([409, 'REGISTRATION_HOUSEHOLD_CLASH']);
    expect([(await stored(first.body.id))!.householdClash, (await stored(second.body.id))!.householdClash]).toEqual([true, true]);
    const kept = await staff.township_staff.post(`/api/registrations/${first.body.id}/keep`, {});
    expect([kept.status, kept.body.status, kept.body.householdClash]).toEqual([200, 'accepted', false]);
  });

  it('clears the mark when the other registration is withdrawn', async () => {
    const { other, first, second } = await registeredTwice();

    expect((await other.post(`/api/resident/registrations/${second.body.id}/withdraw`, {})).status).toBe(200);

    expect((await stored(first.body.id))!.householdClash).toBe(false);
    const accepted = await staff.township_staff.post(`/api/registrations/${first.body.id}/accept`, { note: '受理' });
    expect(accepted.body.status).toBe('accepted');
  });

  it('leaves a registration in another township to its own office, and tells the caller it is there', async () => {
    const body = buildSubmitBody(villageOf(t.county, 0));
    const { first } = await registeredTwice(body);
    const elsewhere = await asResident(t, (await t.residentToken()).token).post('/api/resident/registrations', {
      ...body,
      household: { ...body.household, villageCode: villageOf(t.county, 1) },
      idempotencyKey: newIdempotencyKey(),
    });

    const kept = await staff.township_staff.post(`/api/registrations/${first.body.id}/keep`, {});

    expect(kept.body.householdClash).toBe(true);
    expect(kept.body.sameHousehold.outsideArea).toBe(1);
    expect((await stored(elsewhere.body.id))!.status).toBe('submitted');
    const county = await staff.county_admin.get(`/api/registrations/${first.body.id}`);
    expect(county.body.sameHousehold).toMatchObject({ outsideArea: 0, registrations: [{ id: first.body.id }, { id: elsewhere.body.id }] });
  });

  it('still refuses a resident registering the same household twice, pointing at their own registration', async () => {
    const resident = asResident(t, (await t.residentToken()).token);
    const body = buildSubmitBody(villageOf(t.county));
    await resident.post('/api/resident/registrations', body);

    const again = await resident.post('/api/resident/registrations', { ...body, idempotencyKey: newIdempotencyKey() });

    expect([again.status, again.body.error.code, again.body.error.message]).toEqual([409, 'REGISTRATION_ACTIVE_EXISTS', '您已为这一户提交过登记，请在“我的登记”中查看办理进度']);
  });

  it('refuses keeping a registration that has no other of its household', async () => {
    const id = await flow.create();
    const response = await staff.township_staff.post(`/api/registrations/${id}/keep`, {});
    expect([response.status, response.body.error.message]).toEqual([409, '这一户只有这一份在办的登记，无需选择']);
  });
});
