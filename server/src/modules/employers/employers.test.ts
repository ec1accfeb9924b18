import { STAFF_ROLES } from '@anqian/shared';
import { asStaff } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { buildCreditCode, buildEmployerBody } from '../jobs/job-test-helpers';

let t: TestApp;
let hr: ReturnType<typeof asStaff>;

beforeAll(async () => {
  t = await createTestApp();
  hr = asStaff(await t.staffAgent('hr_staff'));
});
afterAll(() => t.close());

const stored = () => t.connection.collection('employers');

describe('employers', () => {
  it('hr_staff create an employer; its phone is stored encrypted and shown masked, and the audit log names it', async () => {
    const body = buildEmployerBody({ name: '彝绣电商合作社', creditCode: buildCreditCode().toLowerCase() });
    const created = await hr.post('/api/employers', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '彝绣电商合作社', creditCode: body.creditCode.toUpperCase(), contactPhoneMasked: '138****4321', status: 'active', divisionName: '县外' });
    const raw = await stored().findOne({ name: '彝绣电商合作社' });
    expect(JSON.stringify(raw)).not.toContain('13887654321');
    const audit = await t.connection.collection('audit_logs').findOne({ action: 'employer.create', targetId: created.body.id });
    expect(audit).toMatchObject({ result: 'success', targetName: '彝绣电商合作社' });
  });

  it('refuses a second employer with the same credit code (409), on create and on update', async () => {
    const body = buildEmployerBody();
    expect((await hr.post('/api/employers', body)).status).toBe(201);
    const again = await hr.post('/api/employers', { ...body, name: '另一个名字' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('EMPLOYER_CREDIT_CODE_TAKEN');
    const other = await hr.post('/api/employers', buildEmployerBody());
    const clash = await hr.patch(`/api/employers/${other.body.id}`, { creditCode: body.creditCode });
    expect(clash.status).toBe(409);
    expect(await stored().countDocuments({ creditCode: body.creditCode })).toBe(1);
  });

  it.each([
    ['a wrong check character', { creditCode: '91350100M000100Y44' }, 'body.creditCode', /校验位/],
    ['a short credit code', { creditCode: '91350100M00' }, 'body.creditCode', /18 位/],
    ['a bad phone', { contactPhone: '12345' }, 'body.contactPhone', /手机号|座机/],
    ['an oversized name', { name: '单'.repeat(61) }, 'body.name', /最多 60/],
    ['a division outside the county', { divisionCode: '110101001001' }, 'body.divisionCode', /本县没有/],
    ['an operator instead of a name', { name: { $gt: '' } }, 'body.name', /./],
  ])('refuses %s with 400 naming the field, and stores nothing', async (_, change, field, message) => {
    const before = await stored().countDocuments();
    const response = await hr.post('/api/employers', { ...buildEmployerBody(), ...change });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, message: expect.stringMatching(message) })]));
    expect(await stored().countDocuments()).toBe(before);
  });

  it('suspends and activates an employer, records the change and reveals the full phone only through an audited route', async () => {
    const created = await hr.post('/api/employers', buildEmployerBody({ contactPhone: '0871-6543210' }));
    expect(created.body.contactPhoneMasked).toBe('087****3210');
    const suspended = await hr.post(`/api/employers/${created.body.id}/suspend`);
    expect(suspended.body.status).toBe('suspended');
    expect((await hr.post(`/api/employers/${created.body.id}/activate`)).body.status).toBe('active');
    const audit = await t.connection.collection('audit_logs').findOne({ action: 'employer.suspend', targetId: created.body.id });
    expect(audit?.changes).toEqual([{ field: '状态', before: '合作中', after: '已暂停' }]);
    const revealed = await hr.post(`/api/employers/${created.body.id}/reveal-phone`);
    expect(revealed.body).toEqual({ phone: '0871-6543210' });
    expect(await t.connection.collection('audit_logs').countDocuments({ action: 'employer.reveal-phone', targetId: created.body.id })).toBe(1);
  });

  it('lists employers with search and status filter; refuses operators in the query string', async () => {
    await hr.post('/api/employers', buildEmployerBody({ name: '乌蒙山养殖场' }));
    const found = await hr.get('/api/employers', { q: '乌蒙山' });
    expect(found.body.items.map((employer: { name: string }) => employer.name)).toEqual(['乌蒙山养殖场']);
    // Brackets are no operators to Koa's query parser, a repeated key is a list the schema refuses,
    // and search text is matched literally.
    const repeated = await hr.get('/api/employers?status=active&status=suspended');
    expect(repeated.status).toBe(400);
    expect(repeated.body.error.details[0].field).toBe('query.status');
    const operator = await hr.get('/api/employers?q[$ne]=x&status[$ne]=active');
    expect(operator.status).toBe(200);
    expect((await hr.get('/api/employers', { q: '.*' })).body.total).toBe(0);
  });

  it.each(STAFF_ROLES.filter((role) => role !== 'hr_staff'))('%s reads the register but cannot write it', async (role) => {
    const staff = asStaff(await t.staffAgent(role));
    expect((await staff.get('/api/employers')).status).toBe(200);
    const created = await hr.post('/api/employers', buildEmployerBody());
    expect((await staff.get(`/api/employers/${created.body.id}`)).status).toBe(200);
    expect((await staff.post('/api/employers', buildEmployerBody())).status).toBe(403);
    expect((await staff.patch(`/api/employers/${created.body.id}`, { name: '改名' })).status).toBe(403);
    expect((await staff.post(`/api/employers/${created.body.id}/suspend`)).status).toBe(403);
    expect((await staff.post(`/api/employers/${created.body.id}/reveal-phone`)).status).toBe(403);
  });

  it('answers 404 for an unknown employer', async () => {
    expect((await hr.get('/api/employers/0123456789abcdef01234567')).status).toBe(404);
    expect((await hr.patch('/api/employers/0123456789abcdef01234567', { name: '不存在' })).status).toBe(404);
  });
});
