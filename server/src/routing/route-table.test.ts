import { AUDIT_ACTION_LABELS, STAFF_ROLES, type StaffRole } from '@anqian/shared';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { AnyRoute } from './define-route';
import { routeTable } from './route-table';

/** A concrete URL for a route: `:id` becomes a well-formed but unknown id. */
const urlOf = (route: AnyRoute) => route.path.replace(/:id\b/g, '0123456789abcdef01234567');
const call = (t: TestApp, route: AnyRoute) => t.request()[route.method](urlOf(route));

let t: TestApp;
const staffByRole = {} as Record<StaffRole, { agent: Awaited<ReturnType<TestApp['signIn']>>['agent']; csrf: string }>;
let residentToken: string;

beforeAll(async () => {
  t = await createTestApp();
  for (const role of STAFF_ROLES) staffByRole[role] = await t.staffAgent(role);
  residentToken = (await t.residentToken()).token;
});
afterAll(() => t.close());

const guarded = routeTable.filter((route) => route.access.kind !== 'public');
const staffRoutes = routeTable.filter((route) => route.access.kind === 'staff');
const residentRoutes = routeTable.filter((route) => route.access.kind === 'resident');

describe('the route table', () => {
  it('declares access for every route, and a named audit action for every staff write', () => {
    for (const route of routeTable) {
      expect(['public', 'resident', 'staff']).toContain(route.access.kind);
      if (route.access.kind === 'staff' && route.method !== 'get' && route.path !== '/api/auth/login') {
        expect({ route: `${route.method} ${route.path}`, audit: route.audit, label: AUDIT_ACTION_LABELS[route.audit ?? ''] }).toEqual({
          route: `${route.method} ${route.path}`,
          audit: expect.any(String),
          label: expect.any(String),
        });
      }
    }
  });

  it('has no duplicate method and path', () => {
    const keys = routeTable.map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe.each(guarded.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))('%s', (_name, route) => {
  it('refuses an anonymous caller with 401', async () => {
    const response = await call(t, route);
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });
});

describe.each(staffRoutes.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))('%s', (_name, route) => {
  it('refuses a resident token', async () => {
    const response = await call(t, route).set('Authorization', `Bearer ${residentToken}`);
    expect(response.status).toBe(401);
  });

  const outsiders = STAFF_ROLES.filter((role) => route.access.kind === 'staff' && !route.access.roles.includes(role));
  if (outsiders.length) {
    it.each(outsiders)('refuses %s, a role outside the route', async (role) => {
      const { agent, csrf } = staffByRole[role];
      const response = await agent[route.method](urlOf(route)).set('X-CSRF-Token', csrf).send({});
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    });
  }
});

describe.each(residentRoutes.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))('%s', (_name, route) => {
  it('refuses a staff session', async () => {
    const { agent, csrf } = staffByRole.county_admin;
    const response = await agent[route.method](urlOf(route)).set('X-CSRF-Token', csrf).send({});
    expect(response.status).toBe(401);
  });
});
