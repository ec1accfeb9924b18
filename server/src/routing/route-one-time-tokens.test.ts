import type { ZodType } from 'zod';
import { createTestApp, type TestApp } from '../../test/test-app';
import { routeTable } from './route-table';

/**
 * Every body field that carries a one-time token (a WeChat code, a refresh token), route by route:
 * the same token sent ten times at once is accepted once. A new route or field with such a name
 * fails the first test until it has a case here.
 */
const ONE_TIME_FIELDS = /^(code|.*Token)$/;
const AT_ONCE = 10;

type Attempt = { send: () => Promise<{ status: number }> };
type Case = (t: TestApp) => Promise<Attempt>;

async function fakeWechatCode(t: TestApp, path: 'login-code' | 'phone-code', body: object): Promise<string> {
  const response = await fetch(`${t.fakeWechat.url}/dev/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return ((await response.json()) as { code: string }).code;
}

const CASES: Record<string, Case> = {
  'post /api/resident/auth/login body.code': async (t) => {
    const code = await fakeWechatCode(t, 'login-code', { openid: `openid-once-${Date.now()}` });
    return { send: () => t.request().post('/api/resident/auth/login').send({ code }) };
  },
  'post /api/resident/auth/refresh body.refreshToken': async (t) => {
    const code = await fakeWechatCode(t, 'login-code', { openid: `openid-refresh-once-${Date.now()}` });
    const { refreshToken } = (await t.request().post('/api/resident/auth/login').send({ code })).body;
    return { send: () => t.request().post('/api/resident/auth/refresh').send({ refreshToken }) };
  },
  'post /api/resident/phone body.code': async (t) => {
    const { token } = await t.residentToken();
    const code = await fakeWechatCode(t, 'phone-code', { phoneNumber: '13912345678' });
    return { send: () => t.request().post('/api/resident/phone').set('Authorization', `Bearer ${token}`).send({ code }) };
  },
};

/** Paths of the body fields that look like one-time tokens. */
function tokenFields(schema: ZodType | undefined, path = 'body'): string[] {
  const def = (schema as { _zod?: { def: Record<string, unknown> & { type: string } } } | undefined)?._zod?.def;
  if (!def) return [];
  if (def.type === 'object') {
    return Object.entries(def.shape as Record<string, ZodType>).flatMap(([key, value]) => [
      ...(ONE_TIME_FIELDS.test(key) ? [`${path}.${key}`] : []),
      ...tokenFields(value, `${path}.${key}`).filter((field) => field !== `${path}.${key}`),
    ]);
  }
  if (def.type === 'pipe') return tokenFields(def.in as ZodType, path);
  return def.innerType ? tokenFields(def.innerType as ZodType, path) : [];
}

const tokenRoutes = routeTable.flatMap((route) => tokenFields(route.body).map((field) => `${route.method} ${route.path} ${field}`));

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('one-time tokens in request bodies', () => {
  it('each have a case below', () => {
    expect(tokenRoutes.filter((key) => !(key in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((key) => !tokenRoutes.includes(key))).toEqual([]);
  });

  it.each(Object.keys(CASES))(`%s: the same token sent ${AT_ONCE} times at once is accepted once`, async (key) => {
    const attempt = await CASES[key](t);

    const statuses = (await Promise.all(Array.from({ length: AT_ONCE }, () => attempt.send()))).map((response) => response.status);

    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status >= 400 && status < 500)).toHaveLength(AT_ONCE - 1);
  });
});
