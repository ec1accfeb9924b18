import { asResident, asStaff, buildSubmitBody, registrationFlow, villageOf } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';

/**
 * The services with the full conditional filters they send to MongoDB (db/database-flavor). The
 * other suites run with the id-only filters FerretDB gets; FerretDB still evaluates these, so a
 * guard that does not match what it must shows here as a refused or lost change.
 */
let t: TestApp;
let flow: ReturnType<typeof registrationFlow>;
let township: ReturnType<typeof asStaff>;
let county: ReturnType<typeof asStaff>;

beforeAll(async () => {
  t = await createTestApp({}, { databaseFlavor: 'mongodb' });
  flow = registrationFlow(t);
  township = asStaff(await t.staffAgent('township_staff'));
  county = asStaff(await t.staffAgent('county_admin'));
}, 60_000);
afterAll(() => t.close());

describe('with MongoDB’s conditional filters', () => {
  it('carries a registration from submission to approval, through an objection and a note', async () => {
    const id = await flow.create({ body: buildSubmitBody(villageOf(t.county), { wishes: { resettlementType: 'scattered' } }) });

    expect((await township.post(`/api/registrations/${id}/accept`, {})).body.status).toBe('accepted');
    expect((await township.post(`/api/registrations/${id}/notes`, { text: '户主外出务工' })).body.notes).toHaveLength(1);
    expect((await township.post(`/api/registrations/${id}/verify`, { visit: flow.visit })).body.status).toBe('verified');
    await flow.publicize([id]);
    const objected = await township.post(`/api/registrations/${id}/objections`, { raisedBy: '同组村民', content: '该户在城里已有住房' });
    expect((await county.post(`/api/registrations/${id}/approve`, {})).body.error.code).toBe('OBJECTION_OPEN');
    await township.post(`/api/registrations/${id}/objections/${objected.body.objections[0].id}/resolve`, { outcome: 'dismissed', resolution: '经核实该住房已出售' });
    const approved = await county.post(`/api/registrations/${id}/approve`, {});

    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect((await township.get('/api/registrations', { status: 'approved' })).body.items.map((item: { id: string }) => item.id)).toContain(id);
  });

  it('lets only one of two simultaneous accepts through', async () => {
    const id = await flow.create();

    const responses = await Promise.all([1, 2].map(() => township.post(`/api/registrations/${id}/accept`, {})));

    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await township.get(`/api/registrations/${id}`)).body.timeline.map((entry: { action: string }) => entry.action)).toEqual(['submit', 'accept']);
  });

  it('lets a resident withdraw their own registration and resubmit a returned one', async () => {
    const { token, login } = await t.residentToken();
    const resident = asResident(t, token);
    const submitted = (await resident.post('/api/resident/registrations', buildSubmitBody(villageOf(t.county)))).body;
    expect((await resident.post(`/api/resident/registrations/${submitted.id}/withdraw`, {})).body.status).toBe('withdrawn');

    const returned = await flow.inStatus('returned', { residentId: login.resident.id });
    const resubmitted = await resident.put(`/api/resident/registrations/${returned}`, buildSubmitBody(villageOf(t.county)));

    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.status).toBe('submitted');
  });
});
