import { Types } from 'mongoose';
import { REGISTRATION_STATUSES, submitRegistrationBodySchema, type RegistrationStatus } from '@anqian/shared';
import { asResident, asStaff, buildSubmitBody, registrationFlow, shortestNoticePeriod, villageOf } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp;
let flow: ReturnType<typeof registrationFlow>;

beforeAll(async () => {
  t = await createTestApp();
  flow = registrationFlow(t);
});
afterAll(() => t.close());

const registrations = () => t.connection.db!.collection('registrations');
const stored = (id: string) => registrations().findOne({ _id: new Types.ObjectId(id) });
const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((item) => item.id).sort();
const zeroCounts = () => Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, 0])) as Record<RegistrationStatus, number>;

describe('area scope', () => {
  let townshipA: ReturnType<typeof asStaff>;
  let townshipB: ReturnType<typeof asStaff>;
  let cadreA: ReturnType<typeof asStaff>;
  let inVillageA1: string;
  let inVillageA2: string;
  let inTownshipB: string;

  beforeAll(async () => {
    townshipA = asStaff(await t.staffAgent('township_staff', { townshipIndex: 0 }));
    townshipB = asStaff(await t.staffAgent('township_staff', { townshipIndex: 1 }));
    cadreA = asStaff(await t.staffAgent('village_cadre', { townshipIndex: 0 }));
    inVillageA1 = await flow.create({ villageCode: villageOf(t.county, 0, 0) });
    inVillageA2 = await flow.create({ villageCode: villageOf(t.county, 0, 1) });
    inTownshipB = await flow.inStatus('verified', { villageCode: villageOf(t.county, 1, 0) });
  });

  it('lists and counts only the caller’s own area', async () => {
    const listA = await townshipA.get('/api/registrations');
    const listB = await townshipB.get('/api/registrations');
    const listCadre = await cadreA.get('/api/registrations');

    expect(ids(listA)).toEqual([inVillageA1, inVillageA2].sort());
    expect(listA.body.statusCounts).toEqual({ ...zeroCounts(), submitted: 2 });
    expect(ids(listB)).toEqual([inTownshipB]);
    expect(listB.body.statusCounts).toEqual({ ...zeroCounts(), verified: 1 });
    expect(ids(listCadre)).toEqual([inVillageA1]);
  });

  it('answers 404 for another township’s registration, whatever the action, and changes nothing', async () => {
    const before = await stored(inTownshipB);
    const responses = [
      await townshipA.get(`/api/registrations/${inTownshipB}`),
      await townshipA.post(`/api/registrations/${inTownshipB}/accept`, {}),
      await townshipA.post(`/api/registrations/${inTownshipB}/return`, { reason: '越权退回' }),
      await townshipA.post(`/api/registrations/${inTownshipB}/reveal`),
      await townshipA.post(`/api/registrations/${inTownshipB}/notes`, { text: '越权备注' }),
      await townshipA.post(`/api/registrations/${inTownshipB}/objections`, { raisedBy: '某人', content: '越权异议' }),
      await cadreA.get(`/api/registrations/${inVillageA2}`),
    ];

    expect(responses.map((r) => [r.status, r.body.error.code])).toEqual(responses.map(() => [404, 'NOT_FOUND']));
    expect(await stored(inTownshipB)).toEqual(before);
  });

  it('refuses a filter on another township with 403', async () => {
    const response = await townshipA.get('/api/registrations', { divisionCode: t.county.children[1].code });

    expect([response.status, response.body.error.code]).toEqual([403, 'OUT_OF_SCOPE']);
  });

  it('refuses to put another township’s registration on a notice', async () => {
    const response = await townshipA.post('/api/public-notices', {
      title: '越权公示',
      ...shortestNoticePeriod(t),
      registrationIds: [inTownshipB],
    });

    expect(response.status).toBe(404);
    expect((await stored(inTownshipB))!.status).toBe('verified');
    expect(await t.connection.db!.collection('public_notices').countDocuments()).toBe(0);
  });

  it('shows a resident only their own registrations', async () => {
    const owner = await t.residentToken();
    const other = asResident(t, (await t.residentToken()).token);
    const created = await asResident(t, owner.token).post('/api/resident/registrations', buildSubmitBody(villageOf(t.county)));
    const body = buildSubmitBody(villageOf(t.county));

    const responses = [
      await other.get(`/api/resident/registrations/${created.body.id}`),
      await other.post(`/api/resident/registrations/${created.body.id}/withdraw`),
      await other.put(`/api/resident/registrations/${created.body.id}`, { household: body.household, wishes: body.wishes }),
    ];

    expect(responses.map((r) => r.status)).toEqual([404, 404, 404]);
    expect((await other.get('/api/resident/registrations')).body.items).toEqual([]);
    expect((await stored(created.body.id))!.status).toBe('submitted');
  });
});

describe('list filters', () => {
  // A township of its own, so the other tests' registrations do not show here.
  const township = () => t.county.children[2];
  let staff: ReturnType<typeof asStaff>;
  const made: Record<string, string> = {};

  const named = (name: string, options: Parameters<typeof buildSubmitBody>[1] = {}) => {
    const body = buildSubmitBody(villageOf(t.county, 2, options.household ? 1 : 0), options);
    body.household.head.name = name;
    return body;
  };

  beforeAll(async () => {
    staff = asStaff(await t.staffAgent('township_staff', { townshipIndex: 2 }));
    made.zhao = await flow.create({ body: named('赵大山') });
    made.qian = await flow.inStatus('accepted', { body: named('钱小红', { wishes: { willingness: 'unwilling', resettlementType: undefined, reasons: '年纪大不想搬' } }) });
    made.sun = await flow.inStatus('verified', { body: named('孙大伟', { household: { hazard: { type: 'debris_flow' } } }) });
    made.li = await flow.inStatus('rejected', { body: named('李大海') });
    // Submitted just after midnight and just before midnight, China time, on 5 and 4 March
    // (written to the database, then carried into the summaries by the start-up check).
    const backdate = (id: string, submittedAt: Date) => registrations().updateOne({ _id: new Types.ObjectId(id) }, { $set: { submittedAt, updatedAt: new Date() } });
    await backdate(made.zhao, new Date('2026-03-04T16:30:00Z'));
    await backdate(made.qian, new Date('2026-03-04T15:30:00Z'));
    expect(await t.services.registrations.reconcileSummaries()).toBe(2);
  });

  const list = (query: Record<string, string | number> = {}) => staff.get('/api/registrations', query);

  it('finds by part of the head’s name or the last four characters of the ID number', async () => {
    const zhao = (await stored(made.zhao))!;

    expect(ids(await list({ q: '大' }))).toEqual([made.zhao, made.sun, made.li].sort());
    expect(ids(await list({ q: zhao.household.head.idLast4 }))).toEqual([made.zhao]);
    expect(ids(await list({ q: '.*' }))).toEqual([]);
  });

  it('filters by status and counts every status under the other filters', async () => {
    const response = await list({ status: 'accepted', q: '大' });
    const accepted = await list({ status: 'accepted' });

    expect(response.body).toMatchObject({ items: [], total: 0, statusCounts: { ...zeroCounts(), submitted: 1, verified: 1, rejected: 1 } });
    expect(ids(accepted)).toEqual([made.qian]);
    expect(accepted.body.statusCounts).toEqual({ ...zeroCounts(), submitted: 1, accepted: 1, verified: 1, rejected: 1 });
  });

  it('filters by willingness, hazard type and village', async () => {
    expect(ids(await list({ willingness: 'unwilling' }))).toEqual([made.qian]);
    expect(ids(await list({ hazardType: 'debris_flow' }))).toEqual([made.sun]);
    expect(ids(await list({ divisionCode: villageOf(t.county, 2, 1) }))).toEqual([made.sun]);
  });

  it('takes submission dates as China calendar days', async () => {
    expect(ids(await list({ submittedFrom: '2026-03-05', submittedTo: '2026-03-05' }))).toEqual([made.zhao]);
    expect(ids(await list({ submittedTo: '2026-03-04' }))).toEqual([made.qian]);
    expect(ids(await list({ submittedFrom: '2026-03-04', submittedTo: '2026-03-05' }))).toEqual([made.zhao, made.qian].sort());
  });

  it('sorts and pages', async () => {
    const first = await list({ sort: 'submittedAt', pageSize: 2 });
    const second = await list({ sort: 'submittedAt', pageSize: 2, page: 2 });

    expect(first.body.items.map((r: { id: string }) => r.id)).toEqual([made.qian, made.zhao]);
    expect(second.body.items.map((r: { id: string }) => r.id)).toEqual([made.sun, made.li]);
    expect([first.body.total, first.body.page, first.body.pageSize]).toEqual([4, 1, 2]);
    expect(first.body.items[0]).toEqual({
      id: made.qian,
      status: 'accepted',
      headName: '钱小红',
      headIdNumberMasked: expect.stringMatching(/^\d{6}\*{8}\d{3}[\dX]$/),
      memberCount: 2,
      villageCode: villageOf(t.county, 2, 0),
      villageName: township().children[0].name,
      townshipName: township().name,
      willingness: 'unwilling',
      hazardType: 'landslide',
      enteredByCadre: false,
      householdClash: false,
      submittedAt: '2026-03-04T15:30:00.000Z',
      updatedAt: expect.any(String),
    });
  });

  it('refuses a bad filter naming it', async () => {
    const response = await list({ status: 'lost', sort: 'name' });

    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['query.sort', 'query.status']);
  });
});

describe('the list across server processes', () => {
  it('shows at once what another server process submitted and moved along', async () => {
    const { services: other, close } = await t.anotherProcess();
    try {
      const township = asStaff(await t.staffAgent('township_staff', { townshipIndex: 1 }));
      const before = await township.get('/api/registrations');
      const body = submitRegistrationBodySchema.parse(buildSubmitBody(villageOf(t.county, 1, 1)));
      const { registration } = await other.registrations.submitAsResident(new Types.ObjectId().toString(), body);

      const submitted = await township.get('/api/registrations');
      expect(ids(submitted)).toEqual([...ids(before), registration.id].sort());
      expect(submitted.body.statusCounts.submitted).toBe(before.body.statusCounts.submitted + 1);

      await other.registrations.accept(flow.admin, registration.id);
      const accepted = await township.get('/api/registrations?status=accepted');
      expect(ids(accepted)).toContain(registration.id);
      expect(accepted.body.statusCounts).toMatchObject({ submitted: before.body.statusCounts.submitted, accepted: before.body.statusCounts.accepted + 1 });
    } finally {
      await close();
    }
  });

  it("shows at once in a registration's detail and the resident's own list what another server process changed", async () => {
    const { services: other, close } = await t.anotherProcess();
    try {
      const { token } = await t.residentToken();
      const resident = asResident(t, token);
      const township = asStaff(await t.staffAgent('township_staff'));
      const { id } = (await resident.post('/api/resident/registrations', buildSubmitBody(villageOf(t.county)))).body;
      const statuses = async () => [
        (await township.get(`/api/registrations/${id}`)).body.status,
        (await resident.get(`/api/resident/registrations/${id}`)).body.status,
        (await resident.get('/api/resident/registrations')).body.items.map((item: { status: string }) => item.status),
      ];
      expect(await statuses()).toEqual(['submitted', 'submitted', ['submitted']]);

      await other.registrations.accept(flow.admin, id);
      expect(await statuses()).toEqual(['accepted', 'accepted', ['accepted']]);

      await other.registrations.verify(flow.admin, id, flow.visit);
      expect(await statuses()).toEqual(['verified', 'verified', ['verified']]);
    } finally {
      await close();
    }
  });
});
