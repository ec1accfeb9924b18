import { asResident, asStaff, registrationFlow, villageOf } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp;
let flow: ReturnType<typeof registrationFlow>;
let admin: Awaited<ReturnType<TestApp['staffAgent']>>;

beforeAll(async () => {
  t = await createTestApp();
  flow = registrationFlow(t);
  admin = await t.staffAgent('county_admin');
});
afterAll(() => t.close());

const township = (index: number) => t.county.children[index];
const setPhone = (staff: { agent: typeof admin.agent; csrf: string }, code: string, officePhone: string | null) =>
  staff.agent.put(`/api/township-contacts/${code}`).set('X-CSRF-Token', staff.csrf).send({ officePhone });
const auditLogs = () => t.connection.db!.collection('audit_logs');

describe('county staff keep each township office’s phone', () => {
  it('sets a landline or a mobile number, clears it with an empty value, and audits each change', async () => {
    const code = township(0).code;

    const landline = await setPhone(admin, code, ' 0878-871 2345 ');
    const mobile = await setPhone(admin, code, '13987654321');
    const cleared = await setPhone(admin, code, '');
    const again = await setPhone(admin, code, '08788712345');

    expect(landline.status).toBe(200);
    expect(landline.body).toEqual({
      townshipCode: code,
      townshipName: township(0).name,
      officePhone: '0878-8712345',
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updatedByName: admin.user.displayName,
    });
    expect(mobile.body.officePhone).toBe('13987654321');
    expect(cleared.body.officePhone).toBeNull();
    expect(again.body.officePhone).toBe('08788712345');
    expect(await t.connection.db!.collection('township_contacts').findOne({ _id: code as never })).toMatchObject({ officePhone: '08788712345', updatedById: admin.user.id });
    const entries = await auditLogs().find({ action: 'township-contact.update', targetId: code }).sort({ _id: 1 }).toArray();
    const change = (before: string, after: string) => ['success', 'township', township(0).name, [{ field: '办公电话', before, after }]];
    expect(entries.map((entry) => [entry.result, entry.targetType, entry.targetName, entry.changes])).toEqual([
      change('', '0878-8712345'),
      change('0878-8712345', '13987654321'),
      change('13987654321', ''),
      change('', '08788712345'),
    ]);
  });

  it('refuses a number that is not a phone or a code that is not a township, naming the field', async () => {
    const code = township(1).code;
    const cases = await Promise.all(['12345', '0878-12', '1234567890123', '8712345', '0878-8712345-801'].map((phone) => setPhone(admin, code, phone)));
    const village = await setPhone(admin, villageOf(t.county, 1), '0878-8712345');
    const elsewhere = await setPhone(admin, '110101001000', '0878-8712345');

    for (const response of cases) {
      expect([response.status, response.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(response.body.error.details).toEqual([{ field: 'body.officePhone', message: '请输入 11 位手机号，或带区号的座机号（如 0878-8712345）' }]);
    }
    expect([village.status, village.body.error.details[0].field]).toEqual([400, 'params.code']);
    expect([elsewhere.status, elsewhere.body.error.details]).toEqual([400, [{ field: 'params.code', message: '本县没有这个行政区划' }]]);
    expect(await t.connection.db!.collection('township_contacts').countDocuments({ _id: code as never })).toBe(0);
    // Refused before the handler names its target: the audit log still records each attempt.
    expect(await auditLogs().countDocuments({ action: 'township-contact.update', result: 'failure', detail: 'VALIDATION_FAILED' })).toBe(cases.length + 2);
  });

  it('lets only the county administrator set a phone', async () => {
    const code = township(2).code;
    const townshipStaff = await t.staffAgent('township_staff', { townshipIndex: 2 });
    const cadre = await t.staffAgent('village_cadre', { townshipIndex: 2 });
    const resident = asResident(t, (await t.residentToken()).token);

    const byTownship = await setPhone(townshipStaff, code, '0878-8712345');
    const byCadre = await setPhone(cadre, code, '0878-8712345');
    const byResident = await resident.put(`/api/township-contacts/${code}`, { officePhone: '0878-8712345' });
    const anonymous = await t.request().put(`/api/township-contacts/${code}`).send({ officePhone: '0878-8712345' });

    expect([byTownship.status, byTownship.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect([byCadre.status, byCadre.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(byResident.status).toBe(401);
    expect(anonymous.status).toBe(401);
    expect(await t.connection.db!.collection('township_contacts').countDocuments({ _id: code as never })).toBe(0);
  });

  it('lists every township to the county and only its own to a township', async () => {
    await setPhone(admin, township(3).code, '0878-8713333');
    const townshipStaff = asStaff(await t.staffAgent('township_staff', { townshipIndex: 3 }));

    const county = await asStaff(admin).get('/api/township-contacts');
    const own = await townshipStaff.get('/api/township-contacts');

    expect(county.body.items.map((item: { townshipCode: string }) => item.townshipCode)).toEqual(t.county.children.map((node) => node.code));
    expect(own.body).toEqual({
      items: [{ townshipCode: township(3).code, townshipName: township(3).name, officePhone: '0878-8713333', updatedAt: expect.any(String), updatedByName: admin.user.displayName }],
    });
  });
});

describe('residents see whom to call', () => {
  it('shows the townships of the resident’s registrations, of a village they ask for, or every office with a phone', async () => {
    await setPhone(admin, township(4).code, '0878-8714444');
    await setPhone(admin, township(5).code, '13800005555');
    const { token, login } = await t.residentToken();
    await flow.inStatus('submitted', { residentId: login.resident.id, villageCode: villageOf(t.county, 4, 1) });
    const resident = asResident(t, token);
    const newcomer = asResident(t, (await t.residentToken()).token);

    const own = await resident.get('/api/resident/township-contacts');
    const asked = await newcomer.get('/api/resident/township-contacts', { villageCode: villageOf(t.county, 5) });
    const unset = await newcomer.get('/api/resident/township-contacts', { villageCode: villageOf(t.county, 6) });
    const everyOffice = await newcomer.get('/api/resident/township-contacts');
    const badVillage = await newcomer.get('/api/resident/township-contacts', { villageCode: '110101001001' });

    expect(own.body).toEqual({ items: [{ townshipCode: township(4).code, townshipName: township(4).name, officePhone: '0878-8714444' }], own: true });
    expect(asked.body).toEqual({ items: [{ townshipCode: township(5).code, townshipName: township(5).name, officePhone: '13800005555' }], own: true });
    expect(unset.body.items).toEqual([{ townshipCode: township(6).code, townshipName: township(6).name, officePhone: null }]);
    expect(everyOffice.body.own).toBe(false);
    expect(everyOffice.body.items.length).toBeGreaterThanOrEqual(2);
    expect(everyOffice.body.items.every((item: { officePhone: string | null }) => item.officePhone !== null)).toBe(true);
    expect([badVillage.status, badVillage.body.error.details[0].field]).toEqual([400, 'query.villageCode']);
    expect((await t.request().get('/api/resident/township-contacts')).status).toBe(401);
  });

  it('prints the township’s phone on its notices, for residents and staff', async () => {
    await setPhone(admin, township(7).code, '0878-8717777');
    const id = await flow.inStatus('verified', { villageCode: villageOf(t.county, 7) });
    const notice = await flow.publicize([id]);
    const resident = asResident(t, (await t.residentToken()).token);

    const seenByResident = await resident.get(`/api/resident/public-notices/${notice.id}`);
    const seenByStaff = await asStaff(admin).get(`/api/public-notices/${notice.id}`);

    const contact = { townshipCode: township(7).code, townshipName: township(7).name, officePhone: '0878-8717777' };
    expect(notice.contacts).toEqual([contact]);
    expect(seenByResident.body.contacts).toEqual([contact]);
    expect(seenByStaff.body.contacts).toEqual([contact]);
  });
});
