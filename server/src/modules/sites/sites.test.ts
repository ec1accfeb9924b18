import { Types } from 'mongoose';
import { asResident, asStaff, endNoticePeriod, registrationFlow } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp;
let admin: ReturnType<typeof asStaff>;

beforeAll(async () => {
  t = await createTestApp();
  admin = asStaff(await t.staffAgent('county_admin'));
});
afterAll(() => t.close());

const township = (index = 0) => t.county.children[index];
const siteBody = (overrides: object = {}) => ({
  name: '狮山镇城南安置点',
  townshipCode: township().code,
  type: 'centralized',
  capacity: 800,
  facilities: ['school', 'clinic'],
  constructionStatus: 'under_construction',
  address: '国道旁',
  ...overrides,
});

describe('sites', () => {
  it('creates a site with all its places free, audited, and shows it to staff and residents', async () => {
    const created = await admin.post('/api/sites', siteBody());

    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[a-f\d]{24}$/),
      name: '狮山镇城南安置点',
      townshipCode: township().code,
      townshipName: township().name,
      type: 'centralized',
      capacity: 800,
      assigned: 0,
      remaining: 800,
      facilities: ['school', 'clinic'],
      constructionStatus: 'under_construction',
      address: '国道旁',
      updatedAt: expect.any(String),
    });
    const cadre = asStaff(await t.staffAgent('village_cadre'));
    expect((await cadre.get(`/api/sites/${created.body.id}`)).body).toEqual(created.body);
    const resident = asResident(t, (await t.residentToken()).token);
    expect((await resident.get('/api/resident/sites')).body.items).toContainEqual(created.body);
    const audit = await t.connection.db!.collection('audit_logs').findOne({ action: 'site.create' });
    expect(audit).toMatchObject({ result: 'success', targetType: 'site', targetId: created.body.id });
  });

  it('refuses a village as the township, naming the field', async () => {
    const response = await admin.post('/api/sites', siteBody({ townshipCode: township().children[0].code }));

    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toEqual(['body.townshipCode']);
  });

  it('filters the list by township, construction status and name', async () => {
    const other = (await admin.post('/api/sites', siteBody({ name: '高桥镇集镇安置点', townshipCode: township(1).code, constructionStatus: 'completed' }))).body;

    const byTownship = await admin.get('/api/sites', { townshipCode: township(1).code });
    const byStatus = await admin.get('/api/sites', { constructionStatus: 'completed' });
    const byName = await admin.get('/api/sites', { q: '集镇' });

    for (const response of [byTownship, byStatus, byName]) expect(response.body.items.map((s: { id: string }) => s.id)).toEqual([other.id]);
    expect(byName.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
  });

  it('changes only what a patch names', async () => {
    const site = (await admin.post('/api/sites', siteBody())).body;

    const renamed = await admin.patch(`/api/sites/${site.id}`, { name: '城南安置小区' });
    const empty = await admin.patch(`/api/sites/${site.id}`, {});

    expect(renamed.body).toMatchObject({ name: '城南安置小区', facilities: ['school', 'clinic'], address: '国道旁', capacity: 800 });
    expect(empty.status).toBe(400);
  });

  it('keeps remaining equal to capacity minus assigned, and refuses a capacity below the assigned households', async () => {
    const site = (await admin.post('/api/sites', siteBody({ capacity: 120 }))).body;
    await t.connection.db!.collection('sites').updateOne({ _id: new Types.ObjectId(site.id) }, { $set: { assigned: 100, remaining: 20 } });

    const raised = await admin.patch(`/api/sites/${site.id}`, { capacity: 150 });
    const tooLow = await admin.patch(`/api/sites/${site.id}`, { capacity: 99, name: '不应改名' });
    const exact = await admin.patch(`/api/sites/${site.id}`, { capacity: 100 });

    expect(raised.body).toMatchObject({ capacity: 150, assigned: 100, remaining: 50 });
    expect([tooLow.status, tooLow.body.error.code]).toEqual([409, 'SITE_CAPACITY_BELOW_ASSIGNED']);
    expect(exact.body).toMatchObject({ name: '狮山镇城南安置点', capacity: 100, assigned: 100, remaining: 0 });
  });

  it('stays consistent when the capacity changes while approvals take places', async () => {
    const flow = registrationFlow(t);
    const site = (await admin.post('/api/sites', siteBody({ capacity: 20 }))).body;
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) ids.push(await flow.inStatus('verified'));
    endNoticePeriod(t, await flow.publicize(ids));

    const [patched, ...approvals] = await Promise.all([
      admin.patch(`/api/sites/${site.id}`, { capacity: 12 }),
      ...ids.map((id) => admin.post(`/api/registrations/${id}/approve`, { siteId: site.id })),
    ]);

    const after = (await admin.get(`/api/sites/${site.id}`)).body;
    expect(patched.status).toBe(200);
    expect(approvals.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(after).toMatchObject({ capacity: 12, assigned: 10, remaining: 2 });
  });

  it('answers 404 for an unknown site', async () => {
    const response = await admin.get(`/api/sites/${new Types.ObjectId().toString()}`);

    expect([response.status, response.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });
});
