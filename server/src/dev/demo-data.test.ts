import { createTestApp, type TestApp } from '../../test/test-app';
import { seedDemoData } from './demo-data';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo data', () => {
  it('gives the admin console sites and registrations at every step, once however often it runs', async () => {
    await seedDemoData(t.services);
    await seedDemoData(t.services);

    const registrations = await t.connection.db!.collection('registrations').find({}).toArray();
    const counts = registrations.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
    expect(counts).toEqual({ submitted: 2, accepted: 1, verified: 2, publicizing: 1, approved: 1, returned: 1 });
    expect(registrations.every((r) => r.townshipCode === t.county.children[0].code)).toBe(true);
    const sites = await t.connection.db!.collection('sites').find({}).sort({ capacity: -1 }).toArray();
    expect(sites.map((s) => [s.capacity, s.assigned])).toEqual([
      [800, 1],
      [500, 0],
      [120, 0],
    ]);
    expect(await t.connection.db!.collection('public_notices').countDocuments()).toBe(1);
  });
});
