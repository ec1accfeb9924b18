import { ERRORS } from '@anqian/shared';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['staffAgent']>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.staffAgent('county_admin');
});
afterAll(() => t.close());
afterEach(() => jest.restoreAllMocks());

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

describe('error bodies', () => {
  it('answers validation errors with 400 VALIDATION_FAILED naming every bad field, and stores nothing', async () => {
    const before = await t.connection.db!.collection('staff_users').countDocuments();

    const response = await admin.agent
      .post('/api/staff')
      .set('X-CSRF-Token', admin.csrf)
      .send({ username: 'X y', displayName: '', role: 'boss', divisionCode: '12', phone: '123' });

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: ERRORS.VALIDATION_FAILED.message });
    const fields = response.body.error.details.map((detail: { field: string; message: string }) => detail.field);
    expect([...new Set(fields)].sort()).toEqual(['body.displayName', 'body.divisionCode', 'body.phone', 'body.role', 'body.username']);
    for (const detail of response.body.error.details) expect(detail.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await t.connection.db!.collection('staff_users').countDocuments()).toBe(before);
  });

  it('answers a body that is not JSON with 400 INVALID_JSON', async () => {
    const response = await t.request().post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": "a",');

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'INVALID_JSON', message: ERRORS.INVALID_JSON.message });
  });

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const big = JSON.stringify({ username: 'a', password: 'x'.repeat((t.config.bodyLimitKb + 1) * 1024) });
    const response = await t.request().post('/api/auth/login').set('Content-Type', 'application/json').send(big);

    expect(response.status).toBe(413);
    expect(response.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: ERRORS.PAYLOAD_TOO_LARGE.message });
  });

  it('answers an unknown /api path with a 404 JSON error', async () => {
    const response = await t.request().get('/api/no-such-thing');

    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it('answers an unsupported method on a known path with a 405 JSON error', async () => {
    const response = await t.request().delete('/api/divisions');
    expect(response.status).toBe(405);
    expect(response.body.error.code).toBe('METHOD_NOT_ALLOWED');
    expect(response.headers.allow).toContain('GET');
  });

  it('hides the internals of an unexpected error behind a generic 500', async () => {
    const failure = new Error('SECRET-INTERNALS: mongodb://user:pw@db/anqian');
    jest.spyOn(t.services.divisions, 'tree').mockRejectedValueOnce(failure);

    const response = await t.request().get('/api/divisions');

    expect(response.status).toBe(500);
    expect(response.body).toEqual({ error: { code: 'INTERNAL', message: '服务器出错了，请稍后再试', requestId: response.headers['x-request-id'] } });
    expect(response.text).not.toMatch(/SECRET-INTERNALS|mongodb:|at .*\.ts/);
    // The next request is served normally.
    expect((await t.request().get('/api/divisions')).status).toBe(200);
  });
});

describe('headers on every response', () => {
  const calls = () => [
    t.request().get('/api/health'),
    t.request().get('/api/no-such-thing'),
    t.request().post('/api/auth/login').send({}),
    t.request().get('/api/staff'),
    t.request().get('/api/docs/ui'),
  ];

  it('carries an X-Request-Id, also in the error body', async () => {
    const responses = await Promise.all(calls());
    const ids = responses.map((response) => response.headers['x-request-id']);

    for (const id of ids) expect(id).toMatch(REQUEST_ID);
    expect(new Set(ids).size).toBe(ids.length);
    for (const response of responses.filter((r) => r.status >= 400)) expect(response.body.error.requestId).toBe(response.headers['x-request-id']);
  });

  it('keeps a well-formed incoming request id and replaces a malformed one', async () => {
    const kept = await t.request().get('/api/health').set('X-Request-Id', 'proxy-id-12345');
    const replaced = await t.request().get('/api/health').set('X-Request-Id', 'bad id <script>');

    expect(kept.headers['x-request-id']).toBe('proxy-id-12345');
    expect(replaced.headers['x-request-id']).toMatch(REQUEST_ID);
    expect(replaced.headers['x-request-id']).not.toContain('script');
  });

  it('sets the security headers', async () => {
    for (const response of await Promise.all(calls())) {
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('sends no CORS header when no admin origin is configured', async () => {
    const response = await t.request().get('/api/health').set('Origin', 'https://admin.example.gov.cn');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS with ADMIN_ORIGIN set', () => {
  const ADMIN_ORIGIN = 'https://admin.example.gov.cn';
  let cors: TestApp;
  beforeAll(async () => {
    cors = await createTestApp({ ADMIN_ORIGIN });
  });
  afterAll(() => cors.close());

  it('allows the admin origin, with credentials', async () => {
    const preflight = await cors
      .request()
      .options('/api/auth/login')
      .set('Origin', ADMIN_ORIGIN)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,x-csrf-token');
    const response = await cors.request().get('/api/health').set('Origin', ADMIN_ORIGIN);

    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(ADMIN_ORIGIN);
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
    expect(response.headers['access-control-allow-origin']).toBe(ADMIN_ORIGIN);
  });

  it('never allows another origin', async () => {
    for (const origin of ['https://evil.example.com', 'https://admin.example.gov.cn.evil.example.com', 'null']) {
      const response = await cors.request().get('/api/health').set('Origin', origin);
      const allowed = response.headers['access-control-allow-origin'];
      expect({ origin, allowed: allowed === origin || allowed === '*' }).toEqual({ origin, allowed: false });
    }
  });
});
