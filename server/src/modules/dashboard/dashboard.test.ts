import { householdSchema, wishesSchema, type RegistrationStatus, type SubmitRegistrationBody } from '@anqian/shared';
import { buildSubmitBody, villageOf } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const a = villageOf(t.county, 0);
  const a2 = villageOf(t.county, 0, 1);
  const b = villageOf(t.county, 1);
  const centralized = { willingness: 'willing', resettlementType: 'centralized' } as const;
  await register(a, centralized, 'submitted');
  await register(a, centralized, 'approved');
  await register(a2, { willingness: 'undecided', resettlementType: 'urban' }, 'accepted');
  await register(a, { willingness: 'unwilling', resettlementType: undefined, reasons: '祖屋不愿离开' }, 'withdrawn');
  await register(b, { willingness: 'willing', resettlementType: 'scattered' }, 'approved');
  await register(b, centralized, 'rejected');
  await t.services.sites.create({ name: '城南安置点', townshipCode: t.county.children[0].code, type: 'centralized', capacity: 800, facilities: [], constructionStatus: 'completed', address: '' });
}, 60_000);
afterAll(() => t.close());

/**
 * A submitted registration moved straight to `status` in the database; the start-up summary check
 * (`reconcileSummaries`) carries the change into the summaries the dashboard counts.
 */
async function register(villageCode: string, wishes: Partial<SubmitRegistrationBody['wishes']>, status: RegistrationStatus) {
  const body = buildSubmitBody(villageCode, { wishes });
  const { record } = await t.services.registrations.create({
    household: householdSchema.parse(body.household),
    wishes: wishesSchema.parse(body.wishes),
    source: 'resident',
    submitter: { kind: 'resident', id: 'test', name: 'test' },
    idempotencyKey: `test:${body.idempotencyKey}`,
  });
  await t.connection.db!.collection('registrations').updateOne({ _id: record._id }, { $set: { status, updatedAt: new Date() } });
  await t.services.registrations.reconcileSummaries();
}

const statuses = (counts: Partial<Record<RegistrationStatus, number>>) => ({
  submitted: 0,
  accepted: 0,
  verified: 0,
  publicizing: 0,
  approved: 0,
  returned: 0,
  rejected: 0,
  withdrawn: 0,
  ...counts,
});

describe('the registration dashboard', () => {
  it('shows the county admin every township, status, wish and site', async () => {
    const admin = await t.staffAgent('county_admin');
    const response = await admin.agent.get('/api/dashboard/registrations');

    expect(response.status).toBe(200);
    const dashboard = response.body;
    expect(dashboard.total).toBe(6);
    expect(dashboard.byStatus).toEqual(statuses({ submitted: 1, accepted: 1, approved: 2, withdrawn: 1, rejected: 1 }));
    expect(dashboard.byTownship).toHaveLength(t.county.children.length);
    expect(dashboard.byTownship.slice(0, 2)).toEqual([
      { code: t.county.children[0].code, name: t.county.children[0].name, total: 4, approved: 1 },
      { code: t.county.children[1].code, name: t.county.children[1].name, total: 2, approved: 1 },
    ]);
    expect(dashboard.byTownship.slice(2).every((township: { total: number }) => township.total === 0)).toBe(true);
    // Withdrawn and rejected registrations no longer say what the household wants.
    expect(dashboard.byWillingness).toEqual({ willing: 3, unwilling: 0, undecided: 1 });
    expect(dashboard.byResettlementType).toEqual({ centralized: 2, scattered: 1, urban: 1, relatives: 0 });
    expect(dashboard.sites).toEqual([{ id: expect.any(String), name: '城南安置点', capacity: 800, assigned: 0 }]);
  });

  it('limits township staff to their township', async () => {
    const staff = await t.staffAgent('township_staff', { townshipIndex: 1 });
    const { body } = await staff.agent.get('/api/dashboard/registrations');

    expect(body.total).toBe(2);
    expect(body.byStatus).toEqual(statuses({ approved: 1, rejected: 1 }));
    expect(body.byTownship).toEqual([{ code: t.county.children[1].code, name: t.county.children[1].name, total: 2, approved: 1 }]);
    expect(body.byWillingness).toEqual({ willing: 1, unwilling: 0, undecided: 0 });
  });

  it('limits a village cadre to their village', async () => {
    const cadre = await t.staffAgent('village_cadre', { townshipIndex: 0 });
    const { body } = await cadre.agent.get('/api/dashboard/registrations');

    expect(body.total).toBe(3);
    expect(body.byStatus).toEqual(statuses({ submitted: 1, approved: 1, withdrawn: 1 }));
    expect(body.byTownship).toEqual([{ code: t.county.children[0].code, name: t.county.children[0].name, total: 3, approved: 1 }]);
    expect(body.byResettlementType).toEqual({ centralized: 2, scattered: 0, urban: 0, relatives: 0 });
  });
});
