import type { Response } from 'supertest';
import { addDays, earliestPeriodEnd } from '@anqian/shared';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { AnyRoute, BodyPeriod } from './define-route';
import { routeTable } from './route-table';

/**
 * Every dated workflow step (a route whose body sets a period, such as a notice's 公示期) refuses a
 * period that starts before today on the server's clock or is shorter than its minimum, naming the
 * field, and every body with start and end dates declares them as a period.
 */

let t: TestApp;
const staffAgents = new Map<string, Awaited<ReturnType<TestApp['staffAgent']>>>();
let residentToken: string | undefined;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The body fields of a route's schema (an object, possibly refined, piped or defaulted). */
function bodyFields(schema: unknown): string[] {
  const zod = schema as { shape?: Record<string, unknown>; def?: { in?: unknown; innerType?: unknown } } | undefined;
  if (!zod) return [];
  if (zod.shape) return Object.keys(zod.shape);
  return bodyFields(zod.def?.in ?? zod.def?.innerType);
}

const DATED_FIELD = /(^start|Start|^end|End)Date$/;

/** Sends `body` to `route` as a caller it lets in: the first staff role it names, a resident, or anyone. */
async function send(route: AnyRoute, body: object): Promise<Response> {
  const url = route.path.replace(/:\w+/g, '0123456789abcdef01234567');
  const { access } = route;
  if (access.kind === 'staff') {
    const key = access.roles[0];
    let staff = staffAgents.get(key);
    if (!staff) {
      staff = await t.staffAgent(key);
      staffAgents.set(key, staff);
    }
    return staff.agent[route.method](url).set('X-CSRF-Token', staff.csrf).send(body);
  }
  const request = t.request()[route.method](url);
  if (access.kind === 'resident') request.set('Authorization', `Bearer ${(residentToken ??= (await t.residentToken()).token)}`);
  return request.send(body);
}
const fieldsOf = (response: Response): string[] => (response.body.error?.details ?? []).map((detail: { field: string }) => detail.field);

describe('the route table', () => {
  it('declares as a period every pair of start and end dates a body carries, and only fields the body has', () => {
    for (const route of routeTable) {
      const fields = bodyFields(route.body);
      const declared = (route.periods ?? []).flatMap((period) => [period.start, period.end]);
      const name = `${route.method.toUpperCase()} ${route.path}`;
      expect({ route: name, undeclared: fields.filter((field) => DATED_FIELD.test(field) && !declared.includes(field)) }).toEqual({ route: name, undeclared: [] });
      expect({ route: name, unknown: declared.filter((field) => !fields.includes(field)) }).toEqual({ route: name, unknown: [] });
    }
  });
});

const periodRoutes = routeTable.flatMap((route) =>
  (route.periods ?? []).map((period) => [`${route.method.toUpperCase()} ${route.path} (${period.start} → ${period.end})`, route, period] as [string, AnyRoute, BodyPeriod]),
);

describe.each(periodRoutes)('%s, a dated workflow step', (_name, route, period) => {
  const minDays = () => period.minDays(t.config);

  it('refuses a period that starts before today, naming the start', async () => {
    const today = t.clock.today();
    const response = await send(route, { [period.start]: addDays(today, -1), [period.end]: addDays(today, minDays() + 5) });

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toContain(`body.${period.start}`);
    expect(fieldsOf(response)).not.toContain(`body.${period.end}`);
  });

  it('refuses a period shorter than its minimum, naming the end', async () => {
    const today = t.clock.today();
    const response = await send(route, { [period.start]: today, [period.end]: addDays(today, minDays() - 2) });

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toContain(`body.${period.end}`);
    expect(fieldsOf(response)).not.toContain(`body.${period.start}`);
  });

  it('names neither field of a period from today that lasts the minimum, on a moved calendar too', async () => {
    t.clock.advanceDays(3);
    const today = t.clock.today();
    const response = await send(route, { [period.start]: today, [period.end]: earliestPeriodEnd(today, minDays()) });

    expect(fieldsOf(response)).not.toContain(`body.${period.start}`);
    expect(fieldsOf(response)).not.toContain(`body.${period.end}`);
  });
});
