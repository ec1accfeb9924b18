import { Types } from 'mongoose';
import request, { type Response } from 'supertest';
import { ERRORS, passwordProblems } from '@anqian/shared';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app';
import { routeTable } from '../../routing/route-table';
import type { StaffActor } from '../../security/staff-actor';
import { tokenHash } from '../../security/tokens';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['staffAgent']>>;

// TRUST_PROXY lets each scenario sign in from its own client address (X-Forwarded-For), so the real
// per-IP limits (20 sign-ins and 10 password changes a minute) only bite in the test about them.
beforeAll(async () => {
  t = await createTestApp({ TRUST_PROXY: 'true' });
  admin = await t.staffAgent('county_admin');
});
afterAll(() => t.close());

let ipCounter = 0;
const nextIp = () => `198.51.100.${(ipCounter += 1)}`;

/** A browser at its own address: a cookie-keeping agent that always sends X-Forwarded-For. */
function browser(ip = nextIp()) {
  return request.agent(t.server).set('X-Forwarded-For', ip);
}

async function login(username: string, password: string, agent = browser()) {
  const response = await agent.post('/api/auth/login').send({ username, password });
  return { agent, response, csrf: response.body.csrfToken as string };
}

function sessionCookie(response: Response): string | undefined {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  return cookies.find((cookie) => cookie.startsWith('aq_sid='));
}

const cookieValue = (cookie: string) => cookie.split(';')[0];
const errorOf = (response: Response) => ({ status: response.status, code: response.body.error?.code, message: response.body.error?.message });

const staffUsers = () => t.connection.db!.collection('staff_users');
const sessions = () => t.connection.db!.collection('staff_sessions');
const throttles = () => t.connection.db!.collection('login_throttles');
const auditLogs = () => t.connection.db!.collection('audit_logs');

/** Five wrong passwords from one address; the account is then locked at that address. */
async function lockOut(username: string) {
  const agent = browser();
  for (let i = 0; i < 5; i += 1) {
    const { response } = await login(username, `Wrong@Pass${i}`, agent);
    expect(errorOf(response)).toEqual({ status: 401, code: 'INVALID_CREDENTIALS', message: ERRORS.INVALID_CREDENTIALS.message });
  }
  return agent;
}

async function createAccountViaApi(username: string) {
  const response = await admin.agent
    .post('/api/staff')
    .set('X-CSRF-Token', admin.csrf)
    .send({ username, displayName: '新账号', role: 'county_admin', divisionCode: t.county.code });
  expect(response.status).toBe(201);
  return { id: response.body.user.id as string, temporaryPassword: response.body.temporaryPassword as string };
}

describe('staff sign-in', () => {
  it('opens a server-side session and sets an httpOnly SameSite=Strict cookie', async () => {
    const user = await t.createStaff('township_staff');
    const { agent, response } = await login(user.username, TEST_PASSWORD);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      user: expect.objectContaining({ id: user.id, username: user.username, role: 'township_staff', status: 'active' }),
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/),
      passwordChangeRequired: null,
    });
    expect(JSON.stringify(response.body)).not.toMatch(/passwordHash|argon2/);
    const cookie = sessionCookie(response)!;
    expect(cookie).toMatch(/;\s*httponly/i);
    expect(cookie).toMatch(/;\s*samesite=strict/i);
    expect(cookie).toMatch(/;\s*path=\//i);

    // Only a hash of the cookie token is stored, with the idle deadline 30 minutes ahead.
    const token = cookieValue(cookie).slice('aq_sid='.length);
    expect(await sessions().findOne({ _id: token as never })).toBeNull();
    const stored = await sessions().findOne({ _id: tokenHash(token) as never });
    expect(stored).toMatchObject({ userId: user.id, csrfToken: response.body.csrfToken });
    expect(stored!.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(stored!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    expect((await staffUsers().findOne({ username: user.username }))!.lastLoginAt).toBeInstanceOf(Date);

    const me = await agent.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(user.id);
  });

  it('answers a wrong password with 401 INVALID_CREDENTIALS and opens no session', async () => {
    const user = await t.createStaff('village_cadre');
    const { response } = await login(user.username, 'Wrong@Pass1');

    expect(errorOf(response)).toEqual({ status: 401, code: 'INVALID_CREDENTIALS', message: ERRORS.INVALID_CREDENTIALS.message });
    expect(sessionCookie(response)).toBeUndefined();
    expect(await sessions().countDocuments({ userId: user.id })).toBe(0);
    // Counted for the address and for the account as a whole.
    const counted = await throttles().find({ username: user.username }).toArray();
    expect(counted).toHaveLength(2);
    for (const throttle of counted) {
      expect(throttle.failures).toBe(1);
      expect(throttle.lockedUntil ?? null).toBeNull();
    }
  });

  it('locks the account at that address for 15 minutes after five failures, even with the right password', async () => {
    const user = await t.createStaff('township_staff');
    const agent = await lockOut(user.username);
    const { response } = await login(user.username, TEST_PASSWORD, agent);

    expect(errorOf(response)).toEqual({ status: 423, code: 'ACCOUNT_LOCKED', message: ERRORS.ACCOUNT_LOCKED.message });
    expect(sessionCookie(response)).toBeUndefined();
    const throttle = await throttles().findOne({ username: user.username, lockedUntil: { $ne: null } });
    const minutesLeft = (throttle!.lockedUntil.getTime() - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(14);
    expect(minutesLeft).toBeLessThanOrEqual(15);

    const shown = await admin.agent.get(`/api/staff/${user.id}`);
    expect(shown.body.lockedUntil).toBe(throttle!.lockedUntil.toISOString());
  });

  it('answers an unknown user name exactly like a real one, lock-out included', async () => {
    const user = await t.createStaff('township_staff');
    const answers = async (username: string) => {
      const agent = browser();
      const seen = [];
      for (let i = 0; i < 5; i += 1) seen.push(errorOf((await login(username, `Wrong@Pass${i}`, agent)).response));
      seen.push(errorOf((await login(username, TEST_PASSWORD, agent)).response));
      return seen;
    };

    const real = await answers(user.username);
    const unknown = await answers('nobody-here');

    expect(unknown).toEqual(real);
    expect(unknown.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 423]);
    expect(await throttles().findOne({ username: 'nobody-here', lockedUntil: { $ne: null } })).toMatchObject({ lockedUntil: expect.any(Date) });
  });

  it('lets a county admin unlock an account, and audits the unlock', async () => {
    const user = await t.createStaff('hr_staff');
    const agent = await lockOut(user.username);
    expect((await login(user.username, TEST_PASSWORD, agent)).response.status).toBe(423);

    const unlocked = await admin.agent.post(`/api/staff/${user.id}/unlock`).set('X-CSRF-Token', admin.csrf);

    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toMatchObject({ id: user.id, lockedUntil: null });
    expect(await throttles().countDocuments({ username: user.username })).toBe(0);
    expect((await login(user.username, TEST_PASSWORD, agent)).response.status).toBe(200);
    expect(await auditLogs().findOne({ action: 'staff.unlock', targetId: user.id })).toMatchObject({
      actorId: admin.user.id,
      role: 'county_admin',
      result: 'success',
    });
  });

  it('lets the account sign in again once the 15 minutes are over', async () => {
    const user = await t.createStaff('township_staff');
    const agent = await lockOut(user.username);
    expect((await login(user.username, TEST_PASSWORD, agent)).response.status).toBe(423);

    await throttles().updateMany({ username: user.username, lockedUntil: { $ne: null } }, { $set: { lockedUntil: new Date(Date.now() - 1000) } });

    const { response } = await login(user.username, TEST_PASSWORD, agent);
    expect(response.status).toBe(200);
    // The address starts counting afresh.
    expect(await throttles().countDocuments({ username: user.username, source: { $ne: null } })).toBe(0);
  });

  it('limits sign-in attempts per address to 20 a minute', async () => {
    const user = await t.createStaff('township_staff');
    const agent = browser();
    const statuses = [];
    for (let i = 0; i < 20; i += 1) statuses.push((await login('flooding-name', `Wrong@Pass${i}`, agent)).response.status);
    expect(statuses).not.toContain(429);

    const { response } = await login(user.username, TEST_PASSWORD, agent);
    expect(errorOf(response)).toEqual({ status: 429, code: 'RATE_LIMITED', message: ERRORS.RATE_LIMITED.message });
    expect(response.headers['retry-after']).toBe('60');
    expect(sessionCookie(response)).toBeUndefined();

    // Another address is not affected.
    expect((await login(user.username, TEST_PASSWORD)).response.status).toBe(200);
  });
});

describe('forced password change', () => {
  it('keeps a new account to me, logout and change-password until it changes the temporary password', async () => {
    const { id, temporaryPassword } = await createAccountViaApi('firstlogin1');
    const { agent, response, csrf } = await login('firstlogin1', temporaryPassword);
    expect(response.status).toBe(200);
    expect(response.body.passwordChangeRequired).toBe('first_login');

    const me = await agent.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.passwordChangeRequired).toBe('first_login');

    // Every route the new county admin's role could call; routes of other roles refuse it anyway.
    const blocked = routeTable.filter(
      (route) => route.access.kind === 'staff' && route.access.roles.includes('county_admin') && !route.access.duringPasswordChange,
    );
    expect(blocked.length).toBeGreaterThan(5);
    for (const route of blocked) {
      const answer = await agent[route.method](route.path.replace(':id', id)).set('X-CSRF-Token', csrf).send({});
      expect({ route: `${route.method} ${route.path}`, ...errorOf(answer) }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 403,
        code: 'PASSWORD_CHANGE_REQUIRED',
        message: ERRORS.PASSWORD_CHANGE_REQUIRED.message,
      });
    }
    expect(await staffUsers().findOne({ username: 'firstlogin1' })).toMatchObject({ status: 'active', passwordChangeReason: 'first_login' });
  });

  it('checks the new password against the policy, then gives normal access', async () => {
    const { temporaryPassword } = await createAccountViaApi('firstlogin2');
    const { agent, response, csrf } = await login('firstlogin2', temporaryPassword);
    const oldCookie = cookieValue(sessionCookie(response)!);
    const change = (currentPassword: string, newPassword: string, token = csrf) =>
      agent.post('/api/auth/change-password').set('X-CSRF-Token', token).send({ currentPassword, newPassword });

    const known = await change(temporaryPassword, 'password123');
    expect(known.status).toBe(400);
    expect(known.body.error.code).toBe('VALIDATION_FAILED');
    expect(known.body.error.details).toEqual([
      { field: 'body.newPassword', message: '新密码需包含大写字母、小写字母、数字、符号中的至少 3 类' },
      { field: 'body.newPassword', message: '新密码不能使用常见的默认密码' },
    ]);
    const short = await change(temporaryPassword, 'Ab1@');
    expect(short.body.error.details).toEqual([{ field: 'body.newPassword', message: '新密码至少 8 位' }]);
    const withName = await change(temporaryPassword, 'Firstlogin2@x');
    expect(withName.status).toBe(400);
    expect(withName.body.error.details).toEqual([{ field: 'body.newPassword', message: '新密码不能包含用户名' }]);
    const wrongCurrent = await change('Not@TheCurrent1', 'Fresh@Pass2026');
    expect(errorOf(wrongCurrent)).toMatchObject({ status: 401, code: 'CURRENT_PASSWORD_WRONG' });
    expect(await staffUsers().findOne({ username: 'firstlogin2' })).toMatchObject({ passwordChangeReason: 'first_login' });

    const changed = await change(temporaryPassword, 'Fresh@Pass2026');
    expect(changed.status).toBe(200);
    expect(changed.body.passwordChangeRequired).toBeNull();
    expect(changed.body.csrfToken).not.toBe(csrf);
    const stored = await staffUsers().findOne({ username: 'firstlogin2' });
    expect(stored).toMatchObject({ passwordChangeReason: null });
    expect(stored!.passwordHistory).toHaveLength(2);

    // The browser got a fresh session; the one opened with the temporary password is gone.
    expect((await agent.get('/api/staff')).status).toBe(200);
    const stale = await request(t.server).get('/api/auth/me').set('Cookie', oldCookie);
    expect(stale.status).toBe(401);
    expect((await login('firstlogin2', 'Fresh@Pass2026')).response.body.passwordChangeRequired).toBeNull();
  });

  it('refuses any of the last five passwords with 409 PASSWORD_REUSED', async () => {
    const { temporaryPassword } = await createAccountViaApi('reuser1');
    const { agent, csrf: firstCsrf } = await login('reuser1', temporaryPassword);
    let csrf = firstCsrf;
    let current = temporaryPassword;
    const change = async (newPassword: string) => {
      const answer = await agent.post('/api/auth/change-password').set('X-CSRF-Token', csrf).send({ currentPassword: current, newPassword });
      if (answer.status === 200) {
        csrf = answer.body.csrfToken;
        current = newPassword;
      }
      return answer;
    };

    expect(errorOf(await change(temporaryPassword))).toEqual({ status: 409, code: 'PASSWORD_REUSED', message: ERRORS.PASSWORD_REUSED.message });
    for (const next of ['Second@Pass1', 'Third@Pass1', 'Fourth@Pass1', 'Fifth@Pass1']) expect((await change(next)).status).toBe(200);
    // History now: Fifth, Fourth, Third, Second, temporary.
    expect((await change(temporaryPassword)).status).toBe(409);
    expect((await change('Third@Pass1')).status).toBe(409);
    expect((await change('Sixth@Pass1')).status).toBe(200);
    // The temporary password is now the sixth-newest and may be used again.
    expect((await change(temporaryPassword)).status).toBe(200);
    expect((await staffUsers().findOne({ username: 'reuser1' }))!.passwordHistory).toHaveLength(5);
  });

  it('ends the old session when an admin resets the password, and asks for a change at the next sign-in', async () => {
    const user = await t.createStaff('township_staff');
    const { agent } = await login(user.username, TEST_PASSWORD);
    expect((await agent.get('/api/auth/me')).status).toBe(200);

    const reset = await admin.agent.post(`/api/staff/${user.id}/reset-password`).set('X-CSRF-Token', admin.csrf);
    expect(reset.status).toBe(200);
    expect(passwordProblems(reset.body.temporaryPassword)).toEqual([]);

    const me = await agent.get('/api/auth/me');
    expect(me.status).toBe(401);
    expect(await sessions().countDocuments({ userId: user.id })).toBe(0);
    expect((await login(user.username, TEST_PASSWORD)).response.status).toBe(401);
    const again = await login(user.username, reset.body.temporaryPassword);
    expect(again.response.status).toBe(200);
    expect(again.response.body.passwordChangeRequired).toBe('reset');
  });

  it('asks for a change once the password is older than 90 days', async () => {
    const user = await t.createStaff('county_admin');
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    await staffUsers().updateOne({ username: user.username }, { $set: { passwordChangedAt: daysAgo(89) } });
    const { agent, response } = await login(user.username, TEST_PASSWORD);
    expect(response.body.passwordChangeRequired).toBeNull();

    await staffUsers().updateOne({ username: user.username }, { $set: { passwordChangedAt: daysAgo(91) } });
    expect((await agent.get('/api/auth/me')).body.passwordChangeRequired).toBe('expired');
    expect(errorOf(await agent.get('/api/staff'))).toMatchObject({ status: 403, code: 'PASSWORD_CHANGE_REQUIRED' });

    const changed = await agent
      .post('/api/auth/change-password')
      .set('X-CSRF-Token', response.body.csrfToken)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'Renewed@Pass26' });
    expect(changed.status).toBe(200);
    expect(changed.body.passwordChangeRequired).toBeNull();
    expect((await agent.get('/api/staff')).status).toBe(200);
  });
});

describe('staff sessions', () => {
  it('revokes the session on the server at logout', async () => {
    const user = await t.createStaff('village_cadre');
    const { agent, response, csrf } = await login(user.username, TEST_PASSWORD);
    const cookie = cookieValue(sessionCookie(response)!);

    const out = await agent.post('/api/auth/logout').set('X-CSRF-Token', csrf);
    expect(out.status).toBe(204);
    expect(await sessions().countDocuments({ userId: user.id })).toBe(0);

    // Replaying the old cookie (as a copy kept elsewhere would) no longer works.
    const replay = await request(t.server).get('/api/auth/me').set('Cookie', cookie);
    expect(replay.status).toBe(401);
  });

  it('ends a session left idle for 30 minutes and keeps an active one alive', async () => {
    const user = await t.createStaff('township_staff');
    const idle = await login(user.username, TEST_PASSWORD);
    const active = await login(user.username, TEST_PASSWORD);
    const idOf = (response: Response) => tokenHash(cookieValue(sessionCookie(response)!).slice('aq_sid='.length));

    await sessions().updateOne({ _id: idOf(idle.response) as never }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await idle.agent.get('/api/auth/me');
    expect(errorOf(expired)).toEqual({ status: 401, code: 'SESSION_EXPIRED', message: ERRORS.SESSION_EXPIRED.message });

    // Used five minutes ago with 25 minutes left: using it again restarts the 30 minutes.
    await sessions().updateOne(
      { _id: idOf(active.response) as never },
      { $set: { lastSeenAt: new Date(Date.now() - 5 * 60_000), expiresAt: new Date(Date.now() + 25 * 60_000) } },
    );
    expect((await active.agent.get('/api/auth/me')).status).toBe(200);
    const slid = await sessions().findOne({ _id: idOf(active.response) as never });
    expect(slid!.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
  });

  it('refuses a write without the CSRF token and changes nothing', async () => {
    const before = await staffUsers().countDocuments();
    const body = { username: 'csrfvictim', displayName: '某人', role: 'county_admin', divisionCode: t.county.code };

    const missing = await admin.agent.post('/api/staff').send(body);
    const wrong = await admin.agent.post('/api/staff').set('X-CSRF-Token', 'x'.repeat(43)).send(body);
    const logout = await admin.agent.post('/api/auth/logout');

    for (const answer of [missing, wrong, logout]) {
      expect(errorOf(answer)).toEqual({ status: 403, code: 'CSRF_INVALID', message: ERRORS.CSRF_INVALID.message });
    }
    expect(await staffUsers().countDocuments()).toBe(before);
    expect(await staffUsers().findOne({ username: 'csrfvictim' })).toBeNull();
    expect((await admin.agent.get('/api/auth/me')).status).toBe(200);
  });

  it('refuses a disabled account at once, open session included, and answers it like a wrong password', async () => {
    const user = await t.createStaff('township_staff');
    const { agent } = await login(user.username, TEST_PASSWORD);
    expect((await agent.get('/api/auth/me')).status).toBe(200);

    const disabled = await admin.agent.post(`/api/staff/${user.id}/disable`).set('X-CSRF-Token', admin.csrf);
    expect(disabled.body.status).toBe('disabled');

    expect((await agent.get('/api/auth/me')).status).toBe(401);
    expect(await sessions().countDocuments({ userId: user.id })).toBe(0);
    const again = await login(user.username, TEST_PASSWORD);
    expect(errorOf(again.response)).toEqual({ status: 401, code: 'INVALID_CREDENTIALS', message: ERRORS.INVALID_CREDENTIALS.message });
    expect(sessionCookie(again.response)).toBeUndefined();
  });
});

describe('staff sessions across server processes', () => {
  let other: Awaited<ReturnType<TestApp['anotherProcess']>>['services'];
  let closeOther: () => Promise<void>;
  const root: StaffActor = { id: new Types.ObjectId().toString(), username: 'root', displayName: '另一进程', role: 'county_admin', divisionCode: '' };
  beforeAll(async () => {
    ({ services: other, close: closeOther } = await t.anotherProcess());
    root.divisionCode = t.county.code;
  });
  afterAll(() => closeOther());

  it('follows a role change, a disabled account and a sign-out made through another process at once', async () => {
    const user = await t.createStaff('county_admin');
    const { agent } = await login(user.username, TEST_PASSWORD);
    expect((await agent.get('/api/staff')).status).toBe(200);

    await other.staff.update(root, user.id, { role: 'township_staff', divisionCode: t.county.children[0].code });
    expect(errorOf(await agent.get('/api/staff'))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect((await agent.get('/api/auth/me')).body.user).toMatchObject({ role: 'township_staff' });

    await other.staff.setStatus(root, user.id, 'disabled');
    expect(errorOf(await agent.get('/api/auth/me'))).toMatchObject({ status: 401, code: 'SESSION_EXPIRED' });

    const second = await t.createStaff('township_staff');
    const signedIn = await login(second.username, TEST_PASSWORD);
    expect((await signedIn.agent.get('/api/auth/me')).status).toBe(200);
    await other.staffAuth.logout(tokenHash(cookieValue(sessionCookie(signedIn.response)!).slice('aq_sid='.length)));
    expect(errorOf(await signedIn.agent.get('/api/auth/me'))).toMatchObject({ status: 401, code: 'SESSION_EXPIRED' });
  });

  it('keeps a session that another process kept alive, though this one last saw it long ago', async () => {
    const user = await t.createStaff('township_staff');
    const { agent, response } = await login(user.username, TEST_PASSWORD);
    const id = tokenHash(cookieValue(sessionCookie(response)!).slice('aq_sid='.length));
    expect((await agent.get('/api/auth/me')).status).toBe(200);

    // This process remembers a deadline now past; the session has been in use elsewhere since.
    await sessions().updateOne({ _id: id as never }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    await other.staffAuth.logout('no-such-session');
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    await sessions().updateOne({ _id: id as never }, { $set: { lastSeenAt: new Date(), expiresAt: new Date(Date.now() + 20 * 60_000) } });
    expect((await agent.get('/api/auth/me')).status).toBe(200);
  });
});

describe('password guessing and the lock-out', () => {
  const attempt = async (username: string, password: string, ip: string) => errorOf((await login(username, password, browser(ip))).response);
  const invalid = { status: 401, code: 'INVALID_CREDENTIALS', message: ERRORS.INVALID_CREDENTIALS.message };
  const locked = { status: 423, code: 'ACCOUNT_LOCKED', message: ERRORS.ACCOUNT_LOCKED.message };

  it('counts a wrong current password on change-password like a failed sign-in', async () => {
    const user = await t.createStaff('township_staff');
    const ip = nextIp();
    const { agent, csrf } = await login(user.username, TEST_PASSWORD, browser(ip));
    const change = (currentPassword: string) =>
      agent.post('/api/auth/change-password').set('X-CSRF-Token', csrf).send({ currentPassword, newPassword: 'Guessed@Pass2026' });

    for (let i = 0; i < 5; i += 1) expect(errorOf(await change(`Wrong@Pass${i}`))).toMatchObject({ status: 401, code: 'CURRENT_PASSWORD_WRONG' });

    // Locked now, so the right current password is refused too, and so is signing in from that address.
    expect(errorOf(await change(TEST_PASSWORD))).toEqual(locked);
    expect(errorOf(await change('Wrong@Pass9'))).toEqual(locked);
    expect(await attempt(user.username, TEST_PASSWORD, ip)).toEqual(locked);
    expect((await login(user.username, 'Guessed@Pass2026')).response.status).toBe(401);
    expect((await login(user.username, TEST_PASSWORD)).response.status).toBe(200);
  });

  it('answers a disabled account like an unknown user name, whatever the password', async () => {
    const user = await t.createStaff('township_staff');
    await admin.agent.post(`/api/staff/${user.id}/disable`).set('X-CSRF-Token', admin.csrf);
    const passwords = [TEST_PASSWORD, 'Wrong@Pass1', TEST_PASSWORD, 'Wrong@Pass2', TEST_PASSWORD, TEST_PASSWORD, 'Wrong@Pass3'];
    const answers = async (username: string) => {
      const ip = nextIp();
      const seen = [];
      for (const password of passwords) seen.push(await attempt(username, password, ip));
      return seen;
    };

    const disabled = await answers(user.username);

    expect(disabled).toEqual([invalid, invalid, invalid, invalid, invalid, locked, locked]);
    expect(await answers('nobody-disabled')).toEqual(disabled);
    expect(await sessions().countDocuments({ userId: user.id })).toBe(0);
  });

  it('answers a locked account the same way whatever the password', async () => {
    const user = await t.createStaff('township_staff');
    const agent = await lockOut(user.username);

    const right = await login(user.username, TEST_PASSWORD, agent);
    const wrong = await login(user.username, 'Wrong@Pass7', agent);

    expect(errorOf(right.response)).toEqual(locked);
    expect(errorOf(wrong.response)).toEqual(locked);
    expect(sessionCookie(right.response)).toBeUndefined();
  });

  it('does not let five wrong passwords from one address lock the account holder out elsewhere', async () => {
    const countyAdmin = await t.createStaff('county_admin');
    const attacker = nextIp();
    for (let i = 0; i < 5; i += 1) expect(await attempt(countyAdmin.username, `Wrong@Pass${i}`, attacker)).toEqual(invalid);
    expect(await attempt(countyAdmin.username, TEST_PASSWORD, attacker)).toEqual(locked);

    const { response } = await login(countyAdmin.username, TEST_PASSWORD);
    expect(response.status).toBe(200);
    // The attacker's address stays locked after the holder's sign-in, and the admin console shows the lock.
    expect(await attempt(countyAdmin.username, TEST_PASSWORD, attacker)).toEqual(locked);
    expect((await admin.agent.get(`/api/staff/${countyAdmin.id}`)).body.lockedUntil).toEqual(expect.any(String));
  });

  /** Lets a quarter of an hour go by for the account's lock-out records (and every one-minute rate limit). */
  async function quarterHourLater(username: string) {
    const earlier = (date: Date | null | undefined) => (date ? new Date(date.getTime() - 15 * 60_000) : null);
    for (const throttle of await throttles().find({ username }).toArray()) {
      await throttles().updateOne(
        { _id: throttle._id },
        { $set: { lockedUntil: earlier(throttle.lockedUntil), windowStartedAt: earlier(throttle.windowStartedAt) } },
      );
    }
    await t.connection.db!.collection('rate_limits').deleteMany({});
  }

  it('never locks the account for everyone from a single address, lock after lock', async () => {
    const user = await t.createStaff('county_admin');
    const attacker = nextIp();
    // Two hours of guessing as fast as the lock-out lets one address.
    for (let round = 0; round < 8; round += 1) {
      for (let i = 0; i < 5; i += 1) expect(await attempt(user.username, `Wrong@Pass${round}${i}`, attacker)).toEqual(invalid);
      expect(await attempt(user.username, TEST_PASSWORD, attacker)).toEqual(locked);
      expect((await login(user.username, TEST_PASSWORD)).response.status).toBe(200);
      await quarterHourLater(user.username);
    }

    expect((await login(user.username, TEST_PASSWORD)).response.status).toBe(200);
  });

  it('locks the account for every address after 30 failures within an hour', async () => {
    const user = await t.createStaff('county_admin');
    for (let i = 0; i < 29; i += 1) expect(await attempt(user.username, `Wrong@Pass${i}`, nextIp())).toEqual(invalid);
    expect((await login(user.username, TEST_PASSWORD)).response.status).toBe(200);

    expect(await attempt(user.username, 'Wrong@Pass29', nextIp())).toEqual(invalid);

    const fresh = nextIp();
    expect(await attempt(user.username, TEST_PASSWORD, fresh)).toEqual(locked);
    const shown = await admin.agent.get(`/api/staff/${user.id}`);
    const minutesLeft = (new Date(shown.body.lockedUntil).getTime() - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(14);
    expect(minutesLeft).toBeLessThanOrEqual(15);

    const unlocked = await admin.agent.post(`/api/staff/${user.id}/unlock`).set('X-CSRF-Token', admin.csrf);
    expect(unlocked.body.lockedUntil).toBeNull();
    expect((await login(user.username, TEST_PASSWORD, browser(fresh))).response.status).toBe(200);
  });

  it('forgets account-wide failures once their hour is over', async () => {
    const user = await t.createStaff('county_admin');
    for (let i = 0; i < 25; i += 1) expect(await attempt(user.username, `Wrong@Pass${i}`, nextIp())).toEqual(invalid);
    await throttles().updateOne({ username: user.username, source: null }, { $set: { windowStartedAt: new Date(Date.now() - 61 * 60_000) } });

    for (let i = 0; i < 25; i += 1) expect(await attempt(user.username, `Wrong@Again${i}`, nextIp())).toEqual(invalid);

    expect((await login(user.username, TEST_PASSWORD)).response.status).toBe(200);
  });

  it('lets maintenance drop counts an hour old, but never a lock still in force', async () => {
    const stale = await t.createStaff('township_staff');
    const lockedOut = await t.createStaff('township_staff');
    await attempt(stale.username, 'Wrong@Pass1', nextIp());
    const lockedFrom = nextIp();
    for (let i = 0; i < 5; i += 1) await attempt(lockedOut.username, `Wrong@Pass${i}`, lockedFrom);
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await throttles().updateMany({ username: { $in: [stale.username, lockedOut.username] } }, { $set: { updatedAt: twoHoursAgo } });

    await t.services.staff.purgeStaleLoginCounts();

    expect(await throttles().countDocuments({ username: stale.username })).toBe(0);
    expect(await throttles().countDocuments({ username: lockedOut.username, lockedUntil: { $gt: new Date() } })).toBe(1);
    expect(await attempt(lockedOut.username, TEST_PASSWORD, lockedFrom)).toEqual(locked);
  });

  it('counts an IPv6 client by its /64, as one home or office holds a whole /64', async () => {
    const user = await t.createStaff('township_staff');
    for (let i = 1; i <= 5; i += 1) expect(await attempt(user.username, `Wrong@Pass${i}`, `2001:db8:7:1::${i}`)).toEqual(invalid);

    expect(await attempt(user.username, TEST_PASSWORD, '2001:db8:7:1:ffff:ffff:ffff:ffff')).toEqual(locked);
    expect((await login(user.username, TEST_PASSWORD, browser('2001:db8:7:2::1'))).response.status).toBe(200);
  });
});
