import { Types } from 'mongoose';
import { calculateSubsidy, type SubsidyEstimate, subsidyInputFromHousehold } from '@anqian/shared';
import { SUBSIDY_WORKED_CASES } from '@anqian/shared/src/subsidy-cases';
import { DEMO_SUBSIDY_RULE_SET, DEMO_SUBSIDY_RULE_SET_BODY } from '@anqian/shared/src/subsidy-demo';
import { asResident, buildHouseholdInput, buildSubmitBody, registrationFlow, villageOf } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { staffClient, type StaffClient } from '../policies/policy-test-helpers';
import { seedDemoSubsidies } from './subsidy-test-helpers';

let t: TestApp;
let admin: StaffClient;
let flow: ReturnType<typeof registrationFlow>;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoSubsidies(t);
  admin = staffClient(await t.staffAgent('county_admin'));
  flow = registrationFlow(t);
});
afterAll(() => t.close());

const subtotals = (estimate: SubsidyEstimate) => Object.fromEntries(estimate.lineItems.map((line) => [line.key, line.subtotalFen]));

describe('the server estimate', () => {
  it.each(SUBSIDY_WORKED_CASES.map((workedCase) => [workedCase.name, workedCase] as const))('gives exactly the worked case: %s', async (_name, workedCase) => {
    const response = await t.request().post('/api/subsidy-estimate').send(workedCase.input);

    expect(response.status).toBe(200);
    expect(subtotals(response.body)).toEqual(workedCase.expectedLines);
    expect(response.body.totalFen).toBe(workedCase.expectedTotalFen);
    // The very result the mini-program computes locally with the same rule set.
    expect(response.body).toEqual(calculateSubsidy(workedCase.input, DEMO_SUBSIDY_RULE_SET));
  });

  it('refuses an input that is not a household, naming the field', async () => {
    const response = await t.request().post('/api/subsidy-estimate').send({ ...SUBSIDY_WORKED_CASES[0].input, oldHouseFloorArea: 12.345 });

    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toEqual(['body.oldHouseFloorArea']);
  });
});

describe('a registration’s subsidy', () => {
  it('shows staff of its area and its resident the live estimate from the household file', async () => {
    const token = (await t.residentToken()).token;
    const residentAccount = (await asResident(t, token).get('/api/resident/me')).body.id as string;
    const household = buildHouseholdInput(villageOf(t.county), {
      head: { ...buildHouseholdInput(villageOf(t.county)).head, specialStatus: ['disabled'] },
    });
    const id = await flow.create({ residentId: residentAccount, body: buildSubmitBody(villageOf(t.county), { household, wishes: { resettlementType: 'urban' } }) });

    const forStaff = await admin.get(`/api/registrations/${id}/subsidy`);
    const forResident = await asResident(t, token).get(`/api/resident/registrations/${id}/subsidy`);

    // Head (disabled) and spouse (低保, from the factory); no demolition or move dates in the file.
    const input = subsidyInputFromHousehold({ head: { specialStatus: ['disabled'] }, members: [{ specialStatus: ['dibao'] }], house: { floorArea: 86.5 } }, 'urban');
    expect(forStaff.body).toEqual({ fixed: false, input, estimate: calculateSubsidy(input, DEMO_SUBSIDY_RULE_SET) });
    expect(subtotals(forStaff.body.estimate)).toEqual({ housing: 6_000_000, household_base: 1_000_000, dibao: 300_000, disabled: 200_000 });
    expect(forStaff.body.estimate.notes.join('')).toContain('未计入拆旧复垦奖励');
    expect(forResident.body).toEqual(forStaff.body);

    const otherTownship = staffClient(await t.staffAgent('township_staff', { townshipIndex: 1 }));
    const otherResident = asResident(t, (await t.residentToken()).token);
    expect((await otherTownship.get(`/api/registrations/${id}/subsidy`)).status).toBe(404);
    expect((await otherResident.get(`/api/resident/registrations/${id}/subsidy`)).status).toBe(404);
  });

  it('says why there is no estimate for a household unwilling to move, and approves it without amounts', async () => {
    const body = buildSubmitBody(villageOf(t.county), { wishes: { willingness: 'unwilling', resettlementType: undefined, reasons: '家里老人不愿意离开' } });
    const id = await flow.create({ body });

    expect((await admin.get(`/api/registrations/${id}/subsidy`)).body).toEqual({ fixed: false, estimate: null, reason: 'no_resettlement_type' });

    const approved = await flow.inStatus('approved', { body: buildSubmitBody(villageOf(t.county), { wishes: { willingness: 'unwilling', resettlementType: undefined, reasons: '不愿意' } }) });
    expect((await admin.get(`/api/registrations/${approved}/subsidy`)).body).toEqual({ fixed: false, estimate: null, reason: 'approved_without_rule_set' });
  });

  it('fixes the amounts and the rule-set version at approval; a later rule change moves only live estimates', async () => {
    const approvedId = await flow.inStatus('approved');
    const pendingId = await flow.inStatus('verified', { body: buildSubmitBody(villageOf(t.county), { wishes: { resettlementType: 'scattered' } }) });
    const before = (await admin.get(`/api/registrations/${approvedId}/subsidy`)).body;

    expect(before).toMatchObject({
      fixed: true,
      snapshot: { ruleSetId: DEMO_SUBSIDY_RULE_SET.id, ruleSetVersion: 1, totalFen: 4_000_000 + 1_000_000 + 300_000, fixedAt: expect.any(String) },
    });
    const stored = await t.connection.db!.collection('registrations').findOne({ _id: new Types.ObjectId(approvedId) });
    expect(stored).toMatchObject({ status: 'approved', subsidy: before.snapshot });

    const raised = structuredClone(DEMO_SUBSIDY_RULE_SET_BODY);
    raised.housing.perPersonFen.scattered = 2_600_000;
    raised.householdBase.amountFen = 2_000_000;
    const saved = await admin.put(`/api/subsidy-rule-sets/${DEMO_SUBSIDY_RULE_SET.id}`, { ...raised, expectedVersion: 1 });
    expect(saved.body.version).toBe(2);

    const after = (await admin.get(`/api/registrations/${approvedId}/subsidy`)).body;
    const pending = (await admin.get(`/api/registrations/${pendingId}/subsidy`)).body;
    expect(after).toEqual(before);
    expect(pending.estimate).toMatchObject({ ruleSetVersion: 2, totalFen: 2 * 2_600_000 + 2_000_000 + 300_000 });

    // Approved under version 2, the next household carries version 2's amounts.
    const laterId = await flow.inStatus('approved');
    expect((await admin.get(`/api/registrations/${laterId}/subsidy`)).body.snapshot).toMatchObject({ ruleSetVersion: 2, totalFen: 7_500_000 });
  });
});
