import { PRIVACY_NOTICE } from '@anqian/shared';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { createFieldCrypto } from '../../security/field-crypto';
import { tokenHash } from '../../security/tokens';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function fakeWechatCode(path: 'login-code' | 'phone-code', body: object): Promise<string> {
  const response = await fetch(`${t.fakeWechat.url}/dev/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return ((await response.json()) as { code: string }).code;
}

const loginCode = (openid: string) => fakeWechatCode('login-code', { openid });
const phoneCode = (phoneNumber: string) => fakeWechatCode('phone-code', { phoneNumber });
const residentLogin = async (openid: string) => t.request().post('/api/resident/auth/login').send({ code: await loginCode(openid) });
const asResident = (token: string) => ({
  get: (path: string) => t.request().get(path).set('Authorization', `Bearer ${token}`),
  post: (path: string, body?: object) => t.request().post(path).set('Authorization', `Bearer ${token}`).send(body),
});
const residents = () => t.connection.db!.collection('residents');
const residentSessions = () => t.connection.db!.collection('resident_sessions');

describe('resident sign-in', () => {
  it('exchanges a WeChat code for tokens and keeps the session_key encrypted on the server', async () => {
    const response = await residentLogin('openid-first');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      accessToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresIn: 7200,
      resident: { id: expect.any(String), phoneMasked: null, cadre: null, consent: null, currentPrivacyVersion: PRIVACY_NOTICE.version },
    });
    expect(JSON.stringify(response.body)).not.toMatch(/session_?key|openid/i);

    const stored = await residents().findOne({ openid: 'openid-first' });
    expect(stored!._id.toString()).toBe(response.body.resident.id);
    expect(Object.keys(stored!).filter((key) => /^session_?key$/i.test(key))).toEqual([]);
    expect(stored!.sessionKeyEnc).toMatch(/^v1:/);
    const sessionKey = createFieldCrypto(t.config.encryptionKey).decrypt(stored!.sessionKeyEnc);
    expect(Buffer.from(sessionKey, 'base64')).toHaveLength(16);
    expect(JSON.stringify(stored)).not.toContain(sessionKey);
    expect(JSON.stringify(response.body)).not.toContain(sessionKey);

    // Only hashes of the tokens are stored.
    expect(await residentSessions().findOne({ _id: response.body.accessToken })).toBeNull();
    expect(await residentSessions().findOne({ _id: tokenHash(response.body.accessToken) as never })).toMatchObject({
      refreshHash: tokenHash(response.body.refreshToken),
      residentId: response.body.resident.id,
    });
    const me = await asResident(response.body.accessToken).get('/api/resident/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual(response.body.resident);
  });

  it('finds the same resident again for the same openid', async () => {
    const first = await residentLogin('openid-again');
    const second = await residentLogin('openid-again');
    const other = await residentLogin('openid-other');

    expect(second.body.resident.id).toBe(first.body.resident.id);
    expect(other.body.resident.id).not.toBe(first.body.resident.id);
    expect(await residents().countDocuments({ openid: 'openid-again' })).toBe(1);
  });

  it('refuses an unknown or already used code with 401 WECHAT_CODE_INVALID', async () => {
    const unknown = await t.request().post('/api/resident/auth/login').send({ code: 'no-such-code' });
    const code = await loginCode('openid-used-code');
    expect((await t.request().post('/api/resident/auth/login').send({ code })).status).toBe(200);
    const reused = await t.request().post('/api/resident/auth/login').send({ code });

    for (const response of [unknown, reused]) {
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('WECHAT_CODE_INVALID');
      expect(response.body.accessToken).toBeUndefined();
    }
  });

  it('rotates tokens on refresh: the old pair stops working', async () => {
    const login = await residentLogin('openid-refresh');
    const { accessToken, refreshToken } = login.body;
    expect((await asResident(accessToken).get('/api/resident/me')).status).toBe(200);

    const refreshed = await t.request().post('/api/resident/auth/refresh').send({ refreshToken });

    expect(refreshed.status).toBe(200);
    expect(refreshed.body.accessToken).not.toBe(accessToken);
    expect(refreshed.body.refreshToken).not.toBe(refreshToken);
    expect(refreshed.body.resident.id).toBe(login.body.resident.id);
    expect((await asResident(accessToken).get('/api/resident/me')).status).toBe(401);
    expect((await asResident(refreshed.body.accessToken).get('/api/resident/me')).status).toBe(200);
    expect((await t.request().post('/api/resident/auth/refresh').send({ refreshToken: refreshed.body.refreshToken })).status).toBe(200);
  });

  it('ends the whole token family when a refresh token is used again', async () => {
    const login = await residentLogin('openid-refresh-reuse');
    const refreshed = await t.request().post('/api/resident/auth/refresh').send({ refreshToken: login.body.refreshToken });
    expect(refreshed.status).toBe(200);
    expect((await asResident(refreshed.body.accessToken).get('/api/resident/me')).status).toBe(200);

    // Someone replays the first refresh token: the pair issued for it dies with it.
    const replay = await t.request().post('/api/resident/auth/refresh').send({ refreshToken: login.body.refreshToken });

    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('SESSION_EXPIRED');
    expect((await asResident(refreshed.body.accessToken).get('/api/resident/me')).status).toBe(401);
    expect((await t.request().post('/api/resident/auth/refresh').send({ refreshToken: refreshed.body.refreshToken })).status).toBe(401);
    expect(await residentSessions().countDocuments({ residentId: login.body.resident.id })).toBe(0);
  });

  it('lets one of ten concurrent refreshes with one token win', async () => {
    const login = await residentLogin('openid-refresh-race');

    // Through the service: ten HTTP requests at once from this process sometimes see their
    // connections reset before any answer, whatever the route, which would only test the harness.
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => t.services.residents.refresh(login.body.refreshToken)));

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results) if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'SESSION_EXPIRED' });
  });

  it('keeps a second sign-in when another family ends', async () => {
    const first = await residentLogin('openid-two-phones');
    const second = await residentLogin('openid-two-phones');
    await t.request().post('/api/resident/auth/refresh').send({ refreshToken: first.body.refreshToken });
    await t.request().post('/api/resident/auth/refresh').send({ refreshToken: first.body.refreshToken });

    expect((await asResident(second.body.accessToken).get('/api/resident/me')).status).toBe(200);
  });

  it('revokes the session at logout', async () => {
    const login = await residentLogin('openid-logout');
    const resident = asResident(login.body.accessToken);
    expect((await resident.get('/api/resident/me')).status).toBe(200);

    expect((await resident.post('/api/resident/auth/logout')).status).toBe(204);

    expect((await resident.get('/api/resident/me')).status).toBe(401);
    expect((await t.request().post('/api/resident/auth/refresh').send({ refreshToken: login.body.refreshToken })).status).toBe(401);
    expect(await residentSessions().countDocuments({ residentId: login.body.resident.id })).toBe(0);
  });

  it('answers 503 WECHAT_UNAVAILABLE when WeChat cannot be reached', async () => {
    const offline = await createTestApp({ WECHAT_API_BASE: 'http://127.0.0.1:1' });
    try {
      const response = await offline.request().post('/api/resident/auth/login').send({ code: 'any-code' });

      expect(response.status).toBe(503);
      expect(response.body.error.code).toBe('WECHAT_UNAVAILABLE');
      expect(JSON.stringify(response.body)).not.toContain('127.0.0.1');
      expect(await offline.connection.db!.collection('residents').countDocuments()).toBe(0);
    } finally {
      await offline.close();
    }
  });
});

describe('consent and phone number', () => {
  it('binds a phone only after consent, masked in answers and encrypted at rest', async () => {
    const { token } = await t.residentToken('openid-phone', false);
    const resident = asResident(token);

    const refused = await resident.post('/api/resident/phone', { code: await phoneCode('13912345678') });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('CONSENT_REQUIRED');
    expect((await residents().findOne({ openid: 'openid-phone' }))!.phone ?? null).toBeNull();

    const consent = await resident.post('/api/resident/consent', { version: PRIVACY_NOTICE.version, sensitive: false });
    expect(consent.status).toBe(200);
    expect(consent.body.consent).toEqual({ version: PRIVACY_NOTICE.version, acceptedAt: expect.any(String), sensitive: false });

    const bound = await resident.post('/api/resident/phone', { code: await phoneCode('13912345678') });
    expect(bound.status).toBe(200);
    expect(bound.body.phoneMasked).toBe('139****5678');
    expect(JSON.stringify(bound.body)).not.toContain('13912345678');
    expect((await resident.get('/api/resident/me')).body.phoneMasked).toBe('139****5678');
    const stored = await residents().findOne({ openid: 'openid-phone' });
    expect(JSON.stringify(stored)).not.toContain('13912345678');
    expect(stored!.phone.enc).toMatch(/^v1:/);

    const badCode = await resident.post('/api/resident/phone', { code: 'not-a-phone-code' });
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.code).toBe('PHONE_CODE_INVALID');
    expect((await resident.get('/api/resident/me')).body.phoneMasked).toBe('139****5678');
  });

  it('refuses consent to a notice version other than the current one', async () => {
    const { token } = await t.residentToken('openid-old-version', false);

    const response = await asResident(token).post('/api/resident/consent', { version: '2020-01-01', sensitive: true });

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'body.version' }] });
    expect((await residents().findOne({ openid: 'openid-old-version' }))!.consent ?? null).toBeNull();
  });

  it('withdraws consent: sensitive keeps the phone, all erases it and refuses binding again; history is kept', async () => {
    const { token } = await t.residentToken('openid-withdraw', true);
    const resident = asResident(token);
    expect((await resident.post('/api/resident/phone', { code: await phoneCode('13700001234') })).status).toBe(200);

    const sensitive = await resident.post('/api/resident/consent/withdraw', { scope: 'sensitive' });
    expect(sensitive.status).toBe(200);
    expect(sensitive.body).toMatchObject({ consent: { sensitive: false }, phoneMasked: '137****1234' });

    const all = await resident.post('/api/resident/consent/withdraw', { scope: 'all' });
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ consent: null, phoneMasked: null });
    const stored = await residents().findOne({ openid: 'openid-withdraw' });
    expect(stored).toMatchObject({ consent: null, phone: null });

    const again = await resident.post('/api/resident/phone', { code: await phoneCode('13700001234') });
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe('CONSENT_REQUIRED');

    const version = PRIVACY_NOTICE.version;
    expect(stored!.consentHistory).toEqual([
      { action: 'accept', version, scope: 'personal', at: expect.any(Date) },
      { action: 'accept', version, scope: 'sensitive', at: expect.any(Date) },
      { action: 'withdraw', version, scope: 'sensitive', at: expect.any(Date) },
      { action: 'withdraw', version, scope: 'all', at: expect.any(Date) },
    ]);
    const times = stored!.consentHistory.map((event: { at: Date }) => event.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('leaves no half consent behind when withdrawing sensitive consent that is not there', async () => {
    const { token } = await t.residentToken('openid-never-consented', false);
    const withdraw = (scope: string) => asResident(token).post('/api/resident/consent/withdraw', { scope });

    for (const scope of ['sensitive', 'all', 'sensitive']) {
      const response = await withdraw(scope);
      expect({ scope, status: response.status, consent: response.body.consent }).toEqual({ scope, status: 200, consent: null });
      expect((await residents().findOne({ openid: 'openid-never-consented' }))!.consent ?? null).toBeNull();
    }
  });
});

describe('resident and staff credentials stay apart', () => {
  it('refuses a resident token on staff routes and a staff cookie on resident routes', async () => {
    const { token } = await t.residentToken();
    const staff = await t.staffAgent('county_admin');

    for (const path of ['/api/auth/me', '/api/staff', '/api/audit-logs']) {
      const response = await asResident(token).get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 401 });
    }
    const me = await staff.agent.get('/api/resident/me');
    expect(me.status).toBe(401);
    const consent = await staff.agent.post('/api/resident/consent').set('X-CSRF-Token', staff.csrf).send({ version: PRIVACY_NOTICE.version, sensitive: true });
    expect(consent.status).toBe(401);
  });
});
