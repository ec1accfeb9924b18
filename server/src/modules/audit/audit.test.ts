import request from 'supertest';
import type { AuditEntry, StaffRole } from '@anqian/shared';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app';
import { routeTable } from '../../routing/route-table';

let t: TestApp;
const ADMIN_IP = '203.0.113.10';
let admin: { id: string; csrf: string; agent: ReturnType<typeof request.agent> };

// TRUST_PROXY: each caller comes from the address its X-Forwarded-For names, so the recorded IP can be checked.
beforeAll(async () => {
  t = await createTestApp({ TRUST_PROXY: 'true' });
  const user = await t.createStaff('county_admin');
  const agent = request.agent(t.server).set('X-Forwarded-For', ADMIN_IP);
  const signedIn = await agent.post('/api/auth/login').send({ username: user.username, password: TEST_PASSWORD });
  admin = { id: user.id, csrf: signedIn.body.csrfToken, agent };
});
afterAll(() => t.close());

const auditLogs = () => t.connection.db!.collection('audit_logs');
const read = (query: Record<string, string | number>) => admin.agent.get('/api/audit-logs').query(query);
const write = (path: string, body?: object) => admin.agent.post(path).set('X-CSRF-Token', admin.csrf).send(body);
const signInFrom = (ip: string, username: string, password: string) =>
  request.agent(t.server).set('X-Forwarded-For', ip).post('/api/auth/login').send({ username, password });

describe('what the audit log records', () => {
  it('records a successful and a failed sign-in with who, where and the result', async () => {
    const user = await t.createStaff('township_staff', { townshipIndex: 1 });
    expect((await signInFrom('192.0.2.21', user.username, TEST_PASSWORD)).status).toBe(200);
    expect((await signInFrom('192.0.2.22', user.username, 'Wrong@Pass99')).status).toBe(401);

    const { body } = await read({ action: 'auth.login', pageSize: 100 });
    const success = body.items.find((entry: AuditEntry) => entry.actorId === user.id);
    const failure = body.items.find((entry: AuditEntry) => entry.actorName === user.username);

    expect(success).toEqual({
      id: expect.any(String),
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      actorId: user.id,
      actorName: user.displayName,
      role: 'township_staff',
      divisionCode: t.county.children[1].code,
      ip: '192.0.2.21',
      action: 'auth.login',
      targetType: 'staff',
      targetId: user.id,
      targetName: null,
      result: 'success',
      detail: null,
      changes: [],
    });
    expect(failure).toMatchObject({
      actorId: null,
      role: null,
      ip: '192.0.2.22',
      action: 'auth.login',
      targetType: 'staff',
      result: 'failure',
      detail: 'INVALID_CREDENTIALS',
    });
    expect(JSON.stringify(await auditLogs().find({}).toArray())).not.toContain('Wrong@Pass99');
  });

  it('records every staff write with actor, role, division, IP, target and result', async () => {
    const created = await write('/api/staff', { username: 'audited.one', displayName: '被审计', role: 'hr_staff', divisionCode: t.county.code, phone: '13612345678' });
    const id = created.body.user.id;
    expect((await write('/api/staff', { username: 'audited.one', displayName: '重复', role: 'hr_staff', divisionCode: t.county.code })).status).toBe(409);
    expect((await admin.agent.patch(`/api/staff/${id}`).set('X-CSRF-Token', admin.csrf).send({ displayName: '改名' })).status).toBe(200);
    for (const action of ['reset-password', 'unlock', 'disable', 'enable', 'reveal-phone']) {
      expect((await write(`/api/staff/${id}/${action}`)).status).toBe(200);
    }

    const { body } = await read({ action: 'staff.', pageSize: 100 });
    const forTarget = body.items.filter((entry: AuditEntry) => entry.targetId === id);
    expect(forTarget.map((entry: AuditEntry) => entry.action)).toEqual([
      'staff.reveal-phone',
      'staff.enable',
      'staff.disable',
      'staff.unlock',
      'staff.reset-password',
      'staff.update',
      'staff.create',
    ]);
    for (const entry of forTarget) {
      expect(entry).toMatchObject({ actorId: admin.id, role: 'county_admin', divisionCode: t.county.code, ip: ADMIN_IP, targetType: 'staff', result: 'success' });
    }
    const refused = body.items.find((entry: AuditEntry) => entry.action === 'staff.create' && entry.result === 'failure');
    expect(refused).toMatchObject({ actorId: admin.id, ip: ADMIN_IP, detail: 'USERNAME_TAKEN', targetId: null });
    expect(JSON.stringify(body)).not.toContain('13612345678');
  });

  it('records a password change and a sign-out by the staff member themselves', async () => {
    const user = await t.createStaff('village_cadre');
    const agent = request.agent(t.server).set('X-Forwarded-For', '192.0.2.30');
    const signedIn = await agent.post('/api/auth/login').send({ username: user.username, password: TEST_PASSWORD });
    const changed = await agent
      .post('/api/auth/change-password')
      .set('X-CSRF-Token', signedIn.body.csrfToken)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'Village@Pass26' });
    expect(changed.status).toBe(200);
    expect((await agent.post('/api/auth/logout').set('X-CSRF-Token', changed.body.csrfToken)).status).toBe(204);

    const stored = await auditLogs().find({ actorId: user.id, action: { $ne: 'auth.login' } }).sort({ at: 1, _id: 1 }).toArray();
    expect(stored.map((record) => [record.action, record.result, record.ip, record.role])).toEqual([
      ['auth.change-password', 'success', '192.0.2.30', 'village_cadre'],
      ['auth.logout', 'success', '192.0.2.30', 'village_cadre'],
    ]);
    expect(JSON.stringify(stored)).not.toContain('Village@Pass26');
  });
});

describe('reading the audit log', () => {
  beforeAll(async () => {
    for (const name of ['ghost.alpha', 'ghost.alpha', 'ghost.beta']) await signInFrom('192.0.2.40', name, 'Wrong@Pass1');
    // The beta attempt happened ten days ago.
    await auditLogs().updateOne({ actorName: 'ghost.beta' }, { $set: { at: new Date(Date.now() - 10 * 86_400_000) } });
  });

  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const actorsOf = (response: { body: { items: AuditEntry[] } }) => response.body.items.map((entry) => entry.actorName);

  it('filters by actor, action, result and date range', async () => {
    expect(actorsOf(await read({ actor: 'ghost.alpha' }))).toEqual(['ghost.alpha', 'ghost.alpha']);
    expect((await read({ actor: 'ghost' })).body.total).toBe(3);
    expect((await read({ actor: 'ghost', action: 'auth.login', result: 'failure' })).body.total).toBe(3);
    expect((await read({ actor: 'ghost', result: 'success' })).body.total).toBe(0);
    expect((await read({ actor: 'ghost', action: 'staff' })).body.total).toBe(0);
    expect(actorsOf(await read({ actor: 'ghost', from: daysAgo(5) }))).toEqual(['ghost.alpha', 'ghost.alpha']);
    expect(actorsOf(await read({ actor: 'ghost', to: daysAgo(5) }))).toEqual(['ghost.beta']);
    expect(actorsOf(await read({ actor: 'ghost', from: daysAgo(11), to: daysAgo(9) }))).toEqual(['ghost.beta']);
  });

  it('pages newest first', async () => {
    const first = await read({ actor: 'ghost', pageSize: 2, page: 1 });
    const second = await read({ actor: 'ghost', pageSize: 2, page: 2 });

    expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(second.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    const all = [...first.body.items, ...second.body.items] as AuditEntry[];
    expect(new Set(all.map((entry) => entry.id)).size).toBe(3);
    expect(all.map((entry) => entry.at)).toEqual([...all.map((entry) => entry.at)].sort().reverse());
    expect(all[2].actorName).toBe('ghost.beta');
  });

  it('refuses bad filter values', async () => {
    const response = await read({ result: 'maybe', from: 'not-a-date' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['query.from', 'query.result']);
  });
});

describe('protecting the audit log', () => {
  it('offers no way to delete or edit records', async () => {
    expect(routeTable.filter((route) => route.path.startsWith('/api/audit')).map((route) => route.method)).toEqual(['get']);
    const record = await auditLogs().findOne({});
    const before = await auditLogs().countDocuments();

    for (const method of ['delete', 'patch', 'put'] as const) {
      for (const path of ['/api/audit-logs', `/api/audit-logs/${record!._id.toString()}`]) {
        const response = await admin.agent[method](path).set('X-CSRF-Token', admin.csrf).send({ result: 'success' });
        expect({ call: `${method} ${path}`, refused: [404, 405].includes(response.status) }).toEqual({ call: `${method} ${path}`, refused: true });
      }
    }

    expect(await auditLogs().countDocuments()).toBe(before);
    expect(await auditLogs().findOne({ _id: record!._id })).toEqual(record);
  });

  it.each<StaffRole>(['township_staff', 'village_cadre', 'hr_staff'])('refuses %s with 403', async (role) => {
    const { agent } = await t.staffAgent(role);
    const response = await agent.get('/api/audit-logs');

    expect(response.status).toBe(403);
    expect(response.body).toEqual({ error: expect.objectContaining({ code: 'FORBIDDEN' }) });
  });
});
