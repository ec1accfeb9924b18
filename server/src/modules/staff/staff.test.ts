import { passwordProblems, type StaffRole } from '@anqian/shared';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app';
import { routeTable } from '../../routing/route-table';
import { verifyPassword } from '../../security/passwords';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['staffAgent']>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.staffAgent('county_admin');
});
afterAll(() => t.close());

const staffUsers = () => t.connection.db!.collection('staff_users');
const rawUser = (username: string) => staffUsers().findOne({ username });
const post = (path: string, body?: object) => admin.agent.post(path).set('X-CSRF-Token', admin.csrf).send(body);
const patch = (id: string, body: object) => admin.agent.patch(`/api/staff/${id}`).set('X-CSRF-Token', admin.csrf).send(body);
const township = (index = 0) => t.county.children[index];

describe('creating an account', () => {
  it('answers 201 with the temporary password once, masks the phone and stores it encrypted', async () => {
    const created = await post('/api/staff', {
      username: 'wang.li',
      displayName: '王丽',
      role: 'township_staff',
      divisionCode: township().code,
      phone: '13812345678',
    });

    expect(created.status).toBe(201);
    expect(created.body.user).toEqual({
      id: expect.stringMatching(/^[a-f\d]{24}$/),
      username: 'wang.li',
      displayName: '王丽',
      role: 'township_staff',
      divisionCode: township().code,
      divisionName: township().name,
      phoneMasked: '138****5678',
      canExportPersonalData: false,
      status: 'active',
      lockedUntil: null,
      lastLoginAt: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const { temporaryPassword } = created.body;
    expect(passwordProblems(temporaryPassword)).toEqual([]);
    expect(JSON.stringify(created.body)).not.toContain('13812345678');

    const detail = await admin.agent.get(`/api/staff/${created.body.user.id}`);
    const list = await admin.agent.get('/api/staff').query({ q: 'wang.li' });
    for (const shown of [detail.body, list.body]) {
      expect(JSON.stringify(shown)).not.toContain(temporaryPassword);
      expect(JSON.stringify(shown)).not.toContain('13812345678');
    }
    expect(detail.body).toEqual(created.body.user);
    expect(list.body.items).toEqual([created.body.user]);

    const raw = await rawUser('wang.li');
    expect(JSON.stringify(raw)).not.toContain('13812345678');
    expect(JSON.stringify(raw)).not.toContain(temporaryPassword);
    expect(raw!.phone.enc).toMatch(/^v1:/);
    expect(raw!.phone.hash).toMatch(/^[a-f\d]{64}$/);
    expect(await verifyPassword(raw!.passwordHash, temporaryPassword)).toBe(true);
    expect(raw).toMatchObject({ passwordChangeReason: 'first_login', createdBy: admin.user.id, status: 'active' });
  });

  it('refuses a bad user name, naming the field, and stores nothing', async () => {
    const response = await post('/api/staff', { username: 'Bad Name', displayName: '某人', role: 'hr_staff', divisionCode: t.county.code });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toEqual(['body.username']);
    expect(await staffUsers().countDocuments({ displayName: '某人' })).toBe(0);
  });

  it.each<[string, StaffRole, () => string, string]>([
    ['a township account bound to a village', 'township_staff', () => township().children[0].code, '该角色应绑定到乡镇一级'],
    ['a village account bound to a township', 'village_cadre', () => township().code, '该角色应绑定到村（社区）一级'],
    ['a county admin bound to a township', 'county_admin', () => township().code, '该角色应绑定到县一级'],
    ['a division outside the county', 'township_staff', () => '532301001000', '本县没有这个行政区划'],
    ['a division the county does not have', 'township_staff', () => `${t.county.code.slice(0, 6)}999000`, '本县没有这个行政区划'],
  ])('refuses %s with 400 naming body.divisionCode', async (_case, role, divisionCode, message) => {
    const username = `div${role.slice(0, 4)}${divisionCode().slice(-6)}`;
    const response = await post('/api/staff', { username, displayName: '某人', role, divisionCode: divisionCode() });

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'body.divisionCode', message }] });
    expect(await rawUser(username)).toBeNull();
  });

  it('refuses a user name already taken with 409 USERNAME_TAKEN', async () => {
    const existing = await t.createStaff('hr_staff', { username: 'taken.name' });
    const response = await post('/api/staff', { username: 'taken.name', displayName: '另一人', role: 'county_admin', divisionCode: t.county.code });

    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('USERNAME_TAKEN');
    const stored = await staffUsers().find({ username: 'taken.name' }).toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ role: 'hr_staff', displayName: existing.displayName });
  });
});

describe('listing accounts', () => {
  beforeAll(async () => {
    await t.createStaff('township_staff', { username: 'listtown1', townshipIndex: 0 });
    const other = await t.createStaff('township_staff', { username: 'listtown2', townshipIndex: 1 });
    await t.createStaff('village_cadre', { username: 'listvil1', townshipIndex: 0 });
    await t.createStaff('hr_staff', { username: 'listhr1' });
    await post(`/api/staff/${other.id}/disable`);
  });

  const names = (response: { body: { items: Array<{ username: string }> } }) => response.body.items.map((item) => item.username);
  const list = (query: Record<string, string | number>) => admin.agent.get('/api/staff').query(query);

  it('filters by search text, role, division and status', async () => {
    expect(names(await list({ q: 'LISTTOWN' })).sort()).toEqual(['listtown1', 'listtown2']);
    expect(names(await list({ q: 'list', role: 'township_staff', divisionCode: township(0).code }))).toEqual(['listtown1']);
    expect(names(await list({ q: 'list', divisionCode: township(0).children[0].code }))).toEqual(['listvil1']);
    expect(names(await list({ q: 'list', status: 'disabled' }))).toEqual(['listtown2']);
    expect(names(await list({ q: 'list', role: 'hr_staff', status: 'active' }))).toEqual(['listhr1']);
    expect((await list({ q: 'list.*' })).body.total).toBe(0);
  });

  it('pages newest first with total, page and pageSize', async () => {
    const first = await list({ q: 'list', pageSize: 3, page: 1 });
    const second = await list({ q: 'list', pageSize: 3, page: 2 });

    expect(first.body).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(names(first)).toEqual(['listhr1', 'listvil1', 'listtown2']);
    expect(second.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(names(second)).toEqual(['listtown1']);
    expect((await list({ q: 'list', page: 3, pageSize: 3 })).body.items).toEqual([]);
    expect((await admin.agent.get('/api/staff')).body.pageSize).toBe(20);
  });

  it('refuses bad paging and filter values', async () => {
    const response = await list({ pageSize: 101, page: 0, role: 'boss' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['query.page', 'query.pageSize', 'query.role']);
  });
});

describe('changing an account', () => {
  it('edits name, phone, role and division, and removes the phone', async () => {
    const user = await t.createStaff('township_staff');

    const named = await patch(user.id, { displayName: '李四', phone: '13900001111' });
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({ displayName: '李四', phoneMasked: '139****1111', role: 'township_staff' });
    expect(JSON.stringify(await rawUser(user.username))).not.toContain('13900001111');

    const village = township().children[0];
    const moved = await patch(user.id, { role: 'village_cadre', divisionCode: village.code });
    expect(moved.body).toMatchObject({ role: 'village_cadre', divisionCode: village.code, divisionName: village.name, phoneMasked: '139****1111' });
    expect(await rawUser(user.username)).toMatchObject({ role: 'village_cadre', divisionCode: village.code, displayName: '李四' });

    const cleared = await patch(user.id, { phone: null });
    expect(cleared.body.phoneMasked).toBeNull();
    expect((await rawUser(user.username))!.phone).toBeNull();
  });

  it('refuses an empty change, a role that does not fit the division, and unknown or malformed ids', async () => {
    const user = await t.createStaff('township_staff');

    const empty = await patch(user.id, {});
    expect(empty.status).toBe(400);
    const misfit = await patch(user.id, { role: 'village_cadre' });
    expect(misfit.status).toBe(400);
    expect(misfit.body.error.details).toEqual([{ field: 'body.divisionCode', message: '该角色应绑定到村（社区）一级' }]);
    expect(await rawUser(user.username)).toMatchObject({ role: 'township_staff' });

    expect((await patch('0123456789abcdef01234567', { displayName: '某人' })).status).toBe(404);
    const malformed = await admin.agent.get('/api/staff/not-an-id');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details[0].field).toBe('params.id');
  });

  it('resets the password to a new temporary one that must be changed', async () => {
    const user = await t.createStaff('village_cadre');

    const reset = await post(`/api/staff/${user.id}/reset-password`);

    expect(reset.status).toBe(200);
    expect(Object.keys(reset.body)).toEqual(['temporaryPassword']);
    expect(passwordProblems(reset.body.temporaryPassword)).toEqual([]);
    const raw = await rawUser(user.username);
    expect(raw).toMatchObject({ passwordChangeReason: 'reset' });
    expect(await verifyPassword(raw!.passwordHash, reset.body.temporaryPassword)).toBe(true);
    expect(await verifyPassword(raw!.passwordHash, TEST_PASSWORD)).toBe(false);
    expect(raw!.passwordHistory).toHaveLength(2);
  });

  it('disables and enables an account', async () => {
    const user = await t.createStaff('hr_staff');

    const disabled = await post(`/api/staff/${user.id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body.status).toBe('disabled');
    expect(await rawUser(user.username)).toMatchObject({ status: 'disabled' });
    await expect(t.signIn(user.username)).rejects.toThrow(/401 .*INVALID_CREDENTIALS/);

    const enabled = await post(`/api/staff/${user.id}/enable`);
    expect(enabled.body.status).toBe('active');
    expect(await rawUser(user.username)).toMatchObject({ status: 'active' });
    expect((await t.signIn(user.username)).session.user.id).toBe(user.id);
  });

  it('reveals the full phone number and audits it', async () => {
    const created = await post('/api/staff', {
      username: 'reveal.me',
      displayName: '赵六',
      role: 'hr_staff',
      divisionCode: t.county.code,
      phone: '13712345670',
    });
    const id = created.body.user.id;

    const revealed = await post(`/api/staff/${id}/reveal-phone`);

    expect(revealed.status).toBe(200);
    expect(revealed.body).toEqual({ phone: '13712345670' });
    const audit = await t.connection.db!.collection('audit_logs').find({ action: 'staff.reveal-phone', targetId: id }).toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.user.id, role: 'county_admin', targetType: 'staff', result: 'success' });
    expect(JSON.stringify(audit[0])).not.toContain('13712345670');
  });

  it('does not let a county admin change their own role or division, or disable themselves', async () => {
    const self = admin.user.id;

    for (const body of [{ role: 'hr_staff' }, { divisionCode: township().code, role: 'township_staff' }]) {
      const response = await patch(self, body);
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    }
    const disable = await post(`/api/staff/${self}/disable`);
    expect(disable.status).toBe(403);
    expect(await rawUser(admin.user.username)).toMatchObject({ role: 'county_admin', divisionCode: t.county.code, status: 'active' });

    const renamed = await patch(self, { displayName: '县管理员' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.displayName).toBe('县管理员');
  });
});

describe('the personal-data export permission', () => {
  it('is off by default and a county admin can grant and withdraw it', async () => {
    const created = await post('/api/staff', { username: 'ledger.clerk', displayName: '台账员', role: 'township_staff', divisionCode: township().code });
    expect(created.body.user.canExportPersonalData).toBe(false);
    const withPermission = await post('/api/staff', {
      username: 'ledger.lead',
      displayName: '台账负责人',
      role: 'township_staff',
      divisionCode: township().code,
      canExportPersonalData: true,
    });
    expect(withPermission.body.user.canExportPersonalData).toBe(true);

    const granted = await patch(created.body.user.id, { canExportPersonalData: true });
    expect(granted.status).toBe(200);
    expect(granted.body.canExportPersonalData).toBe(true);
    expect(await rawUser('ledger.clerk')).toMatchObject({ canExportPersonalData: true });
    const withdrawn = await patch(created.body.user.id, { canExportPersonalData: false });
    expect(withdrawn.body.canExportPersonalData).toBe(false);
    expect(await rawUser('ledger.clerk')).toMatchObject({ canExportPersonalData: false });
    const audit = await t.connection.db!.collection('audit_logs').findOne({ action: 'staff.update', targetId: created.body.user.id }, { sort: { _id: -1 } });
    expect(audit).toMatchObject({ result: 'success', detail: 'canExportPersonalData' });
  });

  it.each<StaffRole>(['township_staff', 'village_cadre', 'hr_staff'])('cannot be granted by a %s, not even to themselves', async (role) => {
    const caller = await t.staffAgent(role);
    const colleague = await t.createStaff('township_staff', { townshipIndex: 0 });
    for (const id of [caller.user.id, colleague.id]) {
      const response = await caller.agent.patch(`/api/staff/${id}`).set('X-CSRF-Token', caller.csrf).send({ canExportPersonalData: true });
      expect(response.status).toBe(403);
    }
    expect(await rawUser(caller.user.username)).toMatchObject({ canExportPersonalData: false });
    expect(await rawUser(colleague.username)).toMatchObject({ canExportPersonalData: false });
  });
});

describe.each<StaffRole>(['township_staff', 'village_cadre', 'hr_staff'])('a %s account', (role) => {
  it('gets 403 on every /api/staff route and changes nothing', async () => {
    const caller = await t.staffAgent(role);
    const target = await t.createStaff('township_staff', { townshipIndex: 0 });
    const before = await rawUser(target.username);
    const routes = routeTable.filter((route) => route.path.startsWith('/api/staff'));
    expect(routes.length).toBeGreaterThanOrEqual(9);

    for (const route of routes) {
      const response = await caller.agent[route.method](route.path.replace(':id', target.id))
        .set('X-CSRF-Token', caller.csrf)
        .send({ username: `intruder${role.length}`, displayName: '入侵', role: 'county_admin', divisionCode: t.county.code });
      expect({ route: `${route.method} ${route.path}`, status: response.status, code: response.body.error?.code }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 403,
        code: 'FORBIDDEN',
      });
      expect(JSON.stringify(response.body)).not.toContain(target.username);
    }
    expect(await rawUser(target.username)).toEqual(before);
    expect(await rawUser(`intruder${role.length}`)).toBeNull();
  });
});
