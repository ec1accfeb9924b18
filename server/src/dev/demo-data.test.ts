import { chinaDate, periodDays } from '@anqian/shared';
import { DEMO_POLICIES, DEMO_SUBSIDY_RULE_SET } from '@anqian/shared/src/subsidy-demo';
import type { StaffActor } from '../security/staff-actor';
import { createTestApp, type TestApp } from '../../test/test-app';
import { seedDemoData } from './demo-data';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo data', () => {
  it('gives the admin console sites and registrations at every step, once however often it runs', async () => {
    await seedDemoData(t.services, t.serviceDeps);
    await seedDemoData(t.services, t.serviceDeps);

    const registrations = await t.connection.db!.collection('registrations').find({}).toArray();
    const counts = registrations.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
    expect(counts).toEqual({ submitted: 3, accepted: 1, verified: 2, publicizing: 1, approved: 4, returned: 1 });
    const registeredTwice = registrations.filter((r) => r.householdClash);
    expect(registeredTwice.map((r) => [r.household.head.name, r.source])).toEqual([
      ['张国华', 'cadre'],
      ['张国华', 'resident'],
    ]);
    expect(registrations.every((r) => r.townshipCode === t.county.children[0].code)).toBe(true);
    const sites = await t.connection.db!.collection('sites').find({}).sort({ capacity: -1 }).toArray();
    expect(sites.map((s) => [s.capacity, s.assigned])).toEqual([
      [800, 4],
      [500, 0],
      [120, 0],
    ]);
    expect(await t.connection.db!.collection('public_notices').countDocuments()).toBe(1);
  });

  it('seeds the demo policies and subsidy standard under their fixed ids, so the approved household carries its amounts', async () => {
    const policies = await t.connection.db!.collection('policies').find({}).toArray();
    expect(policies.map((p) => [p._id.toString(), p.status]).sort()).toEqual(DEMO_POLICIES.map((p) => [p.id, 'published']).sort());
    expect(await t.services.subsidies.current()).toMatchObject({ id: DEMO_SUBSIDY_RULE_SET.id, version: 1 });
    const approved = await t.connection.db!.collection('registrations').findOne({ status: 'approved' });
    expect(approved!.subsidy).toMatchObject({ ruleSetId: DEMO_SUBSIDY_RULE_SET.id, ruleSetVersion: 1, totalFen: 2 * 2_500_000 + 1_000_000 });
  });

  it('puts households on a notice that obeyed the rules and has run its course, so the one on it can be approved today', async () => {
    const notice = (await t.connection.db!.collection('public_notices').findOne({}))!;
    const publicizing = (await t.connection.db!.collection('registrations').findOne({ status: 'publicizing' }))!;
    const publicized = publicizing.timeline.find((entry: { action: string }) => entry.action === 'publicize');
    const admin: StaffActor = { id: 'demo-test', username: 'demo-test', displayName: '县级管理员', role: 'county_admin', divisionCode: t.county.code };
    const [site] = (await t.services.sites.all()).items;

    expect(chinaDate(notice.publishedAt)).toBe(notice.startDate);
    expect(chinaDate(publicized.at)).toBe(notice.startDate);
    expect(periodDays(notice.startDate, notice.endDate)).toBe(t.config.noticeMinDays);
    expect(notice.endDate < t.clock.today()).toBe(true);
    expect((await t.services.registrations.approve(admin, publicizing._id.toString(), { siteId: site.id })).status).toBe('approved');
  });
});
