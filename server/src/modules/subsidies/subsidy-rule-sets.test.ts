import { DEMO_POLICY_IDS, DEMO_SUBSIDY_RULE_SET, DEMO_SUBSIDY_RULE_SET_BODY } from '@anqian/shared/src/subsidy-demo';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { connectDatabase } from '../../db/connect';
import { createServices } from '../../services';
import { buildPolicyBody, staffClient, type StaffClient } from '../policies/policy-test-helpers';
import { ruleSetBody, seedDemoSubsidies } from './subsidy-test-helpers';

let t: TestApp;
let admin: StaffClient;
let township: StaffClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = staffClient(await t.staffAgent('county_admin'));
  township = staffClient(await t.staffAgent('township_staff'));
});
afterAll(() => t.close());

const current = () => t.request().get('/api/subsidy-rule-sets/current');

describe('before any rule set exists', () => {
  it('answers /current with 404 SUBSIDY_RULES_NOT_SET', async () => {
    await seedDemoSubsidies(t, { ruleSet: false });

    const response = await current();

    expect([response.status, response.body.error.code]).toEqual([404, 'SUBSIDY_RULES_NOT_SET']);
  });
});

describe('subsidy rule sets', () => {
  let demoId: string;

  beforeAll(async () => {
    const created = await admin.post('/api/subsidy-rule-sets', DEMO_SUBSIDY_RULE_SET_BODY);
    expect(created.status).toBe(201);
    demoId = created.body.id;
  });

  it('creates version 1, serves the one in force to anyone, and shows it to township staff read-only', async () => {
    const detail = await township.get(`/api/subsidy-rule-sets/${demoId}`);
    const list = await township.get('/api/subsidy-rule-sets');
    const inForce = await current();

    const { id: _demoId, version: _version, updatedAt: _updatedAt, ...rules } = DEMO_SUBSIDY_RULE_SET;
    expect(detail.body).toEqual({ ...rules, id: demoId, version: 1, updatedAt: expect.any(String), phase: 'in_force', updatedBy: expect.any(String), history: [] });
    expect(list.body.items).toEqual([
      { id: demoId, name: rules.name, effectiveFrom: '2026-01-01', effectiveTo: '2030-12-31', version: 1, updatedAt: expect.any(String), phase: 'in_force', updatedBy: expect.any(String) },
    ]);
    expect(inForce.status).toBe(200);
    expect(inForce.body).toEqual({ ...rules, id: demoId, version: 1, updatedAt: detail.body.updatedAt });
    for (const write of [
      await township.post('/api/subsidy-rule-sets', ruleSetBody()),
      await township.put(`/api/subsidy-rule-sets/${demoId}`, { ...DEMO_SUBSIDY_RULE_SET_BODY, expectedVersion: 1 }),
      await township.delete(`/api/subsidy-rule-sets/${demoId}`),
    ]) {
      expect([write.status, write.body.error.code]).toEqual([403, 'FORBIDDEN']);
    }
    const audit = await t.connection.db!.collection('audit_logs').findOne({ action: 'subsidy-rule-set.create', targetId: demoId });
    expect(audit).toMatchObject({ result: 'success', targetType: 'subsidy-rule-set' });
  });

  it('refuses a period that shares a day with another, naming the clash', async () => {
    const lastDay = await admin.post('/api/subsidy-rule-sets', ruleSetBody({ effectiveFrom: '2030-12-31', effectiveTo: '2031-12-31' }));
    const inside = await admin.post('/api/subsidy-rule-sets', ruleSetBody({ effectiveFrom: '2027-01-01', effectiveTo: '2027-12-31' }));

    for (const response of [lastDay, inside]) {
      expect(response.status).toBe(409);
      expect(response.body.error).toMatchObject({ code: 'RULE_SET_OVERLAP', message: `与“${DEMO_SUBSIDY_RULE_SET_BODY.name}”（2026-01-01 至 2030-12-31）的执行期重叠` });
    }
    expect((await admin.get('/api/subsidy-rule-sets')).body.items).toHaveLength(1);
  });

  it('saves a new version, keeps the old one readable, and refuses a save based on a stale version', async () => {
    const raised = structuredClone(DEMO_SUBSIDY_RULE_SET_BODY);
    raised.housing.perPersonFen.centralized = 2_800_000;
    delete (raised as Partial<typeof raised>).earlyMove;

    const saved = await admin.put(`/api/subsidy-rule-sets/${demoId}`, { ...raised, expectedVersion: 1 });
    const stale = await admin.put(`/api/subsidy-rule-sets/${demoId}`, { ...raised, expectedVersion: 1 });

    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, housing: { perPersonFen: { centralized: 2_800_000 } }, history: [{ version: 1, updatedAt: expect.any(String), updatedBy: expect.any(String) }] });
    expect(saved.body).not.toHaveProperty('earlyMove');
    expect([stale.status, stale.body.error.code]).toEqual([409, 'RULE_SET_CHANGED']);
    const first = await admin.get(`/api/subsidy-rule-sets/${demoId}/versions/1`);
    expect(first.body).toMatchObject({ id: demoId, version: 1, housing: { perPersonFen: { centralized: 2_500_000 } }, earlyMove: DEMO_SUBSIDY_RULE_SET_BODY.earlyMove });
    expect((await admin.get(`/api/subsidy-rule-sets/${demoId}/versions/2`)).body).toMatchObject({ version: 2 });
    expect((await admin.get(`/api/subsidy-rule-sets/${demoId}/versions/3`)).status).toBe(404);
    expect((await current()).body).toMatchObject({ version: 2, housing: { perPersonFen: { centralized: 2_800_000 } } });
  });

  it('deletes a rule set only before its period starts', async () => {
    const upcoming = await admin.post('/api/subsidy-rule-sets', ruleSetBody());
    expect(upcoming.body.phase).toBe('upcoming');

    const started = await admin.delete(`/api/subsidy-rule-sets/${demoId}`);
    const removed = await admin.delete(`/api/subsidy-rule-sets/${upcoming.body.id}`);

    expect([started.status, started.body.error.code]).toEqual([409, 'RULE_SET_STARTED']);
    expect(removed.status).toBe(204);
    expect((await admin.get(`/api/subsidy-rule-sets/${upcoming.body.id}`)).status).toBe(404);
  });

  it('lets only one of two overlapping saves through, even from two server processes at once', async () => {
    const connection = await connectDatabase(t.config.mongodbUri!, t.config.mongodbDb);
    try {
      const other = createServices({ connection, config: t.config, wechat: {} as never });
      const actor = { id: 'other', username: 'other', displayName: '另一进程', role: 'county_admin' as const, divisionCode: t.county.code };
      const body = ruleSetBody({ effectiveFrom: '2036-01-01', effectiveTo: '2036-12-31' });

      const overHttp = (name: string) => admin.post('/api/subsidy-rule-sets', { ...body, name }).then((r) => (r.status === 201 ? 'saved' : r.body.error.code));
      const outcomes = await Promise.all([
        overHttp('本进程保存'),
        other.subsidies.create(actor, { ...body, name: '另一进程保存', specialStatus: body.specialStatus ?? {} }).then(
          () => 'saved',
          (error: { code: string }) => error.code,
        ),
        overHttp('本进程再保存'),
      ]);

      expect(outcomes.sort()).toEqual(['RULE_SET_OVERLAP', 'RULE_SET_OVERLAP', 'saved']);
      const saved = (await admin.get('/api/subsidy-rule-sets')).body.items.filter((r: { effectiveFrom: string }) => r.effectiveFrom === '2036-01-01');
      expect(saved).toHaveLength(1);
      expect(await t.connection.db!.collection('subsidy_rule_set_locks').countDocuments()).toBe(0);
    } finally {
      await connection.close();
    }
  });
});

describe('bad input', () => {
  it.each([
    ['a negative amount', { housing: { ...DEMO_SUBSIDY_RULE_SET_BODY.housing, perPersonFen: { ...DEMO_SUBSIDY_RULE_SET_BODY.housing.perPersonFen, urban: -1 } } }, 'body.housing.perPersonFen.urban'],
    ['an amount with a fraction of a fen', { householdBase: { ...DEMO_SUBSIDY_RULE_SET_BODY.householdBase, amountFen: 10.5 } }, 'body.householdBase.amountFen'],
    ['an end before the start', { effectiveFrom: '2040-02-01', effectiveTo: '2040-01-31' }, 'body.effectiveTo'],
    ['a missing source', { householdCap: { capFen: 100, policyId: DEMO_POLICY_IDS.subsidyStandard, source: '' } }, 'body.householdCap.source'],
  ])('refuses %s with 400 naming the field', async (_name, overrides, field) => {
    const response = await admin.post('/api/subsidy-rule-sets', ruleSetBody(overrides as never));

    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('refuses a rule citing a draft or unknown policy document, naming each field', async () => {
    const draft = (await admin.post('/api/policies', buildPolicyBody(t.county.code))).body.id;
    const body = ruleSetBody({ effectiveFrom: '2041-01-01', effectiveTo: '2041-12-31' });
    body.householdCap = { ...body.householdCap!, policyId: draft };
    body.specialStatus = { ...body.specialStatus, tekun: { ...body.specialStatus!.tekun!, policyId: '0123456789abcdef01234567' } };

    const response = await admin.post('/api/subsidy-rule-sets', body);

    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([
      { field: 'body.specialStatus.tekun.policyId', message: '引用的政策文件不存在或尚未发布' },
      { field: 'body.householdCap.policyId', message: '引用的政策文件不存在或尚未发布' },
    ]);
  });

});
