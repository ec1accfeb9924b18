import { SPECIAL_STATUSES, type SpecialStatus } from './schemas/household';
import { RESETTLEMENT_TYPES } from './schemas/registration';
import { subsidyInputSchema, subsidyRuleSetBodySchema, type SubsidyInput, type SubsidyRuleSet } from './schemas/subsidy';
import { SUBSIDY_WORKED_CASES } from './subsidy-cases';
import {
  areaAmountFen,
  calculateSubsidy,
  findRuleSetOverlap,
  formatFen,
  ruleSetInForce,
  ruleSetPhase,
  subsidyInputFromHousehold,
  subsidyPreviewHouseholds,
  yuanToFen,
} from './subsidy-calculator';
import { DEMO_SUBSIDY_RULE_SET, DEMO_SUBSIDY_RULE_SET_BODY } from './subsidy-demo';

const demo = DEMO_SUBSIDY_RULE_SET;
const subtotals = (input: SubsidyInput, ruleSet: SubsidyRuleSet = demo) =>
  Object.fromEntries(calculateSubsidy(input, ruleSet).lineItems.map((line) => [line.key, line.subtotalFen]));

describe('the worked cases', () => {
  it.each(SUBSIDY_WORKED_CASES.map((c) => [c.name, c] as const))('%s', (_name, workedCase) => {
    expect(subsidyInputSchema.parse(workedCase.input)).toEqual(workedCase.input);
    const estimate = calculateSubsidy(workedCase.input, demo);
    expect(subtotals(workedCase.input)).toEqual(workedCase.expectedLines);
    expect(estimate.totalFen).toBe(workedCase.expectedTotalFen);
    expect(estimate.capApplied).toBe('household_cap' in workedCase.expectedLines);
  });

  it('covers every resettlement type and every special status', () => {
    const types = new Set(SUBSIDY_WORKED_CASES.map((c) => c.input.resettlementType));
    const statuses = new Set(SUBSIDY_WORKED_CASES.flatMap((c) => c.input.people.flatMap((p) => p.specialStatus)));
    expect([...types].sort()).toEqual([...RESETTLEMENT_TYPES].sort());
    expect([...statuses].sort()).toEqual([...SPECIAL_STATUSES].sort());
  });
});

describe('calculateSubsidy line items', () => {
  const [capCase] = SUBSIDY_WORKED_CASES.filter((c) => c.id === 'household-cap');

  it('names each line, its unit and the policy it comes from', () => {
    const estimate = calculateSubsidy(capCase.input, demo);
    expect(estimate.lineItems.find((line) => line.key === 'housing')).toEqual({
      key: 'housing',
      name: '住房补助（进城安置）',
      quantity: 6,
      unit: '人',
      unitAmountFen: 3_000_000,
      subtotalFen: 18_000_000,
      policyId: demo.housing.policyId,
      source: '武府发〔2026〕12号 第三条',
    });
    expect(estimate.lineItems.find((line) => line.key === 'demolition')).toMatchObject({
      name: '拆旧复垦奖励',
      quantity: 150,
      unit: '平方米',
      unitAmountFen: 20_000,
      source: '武政办发〔2026〕8号 第六条',
    });
    expect(estimate.lineItems.find((line) => line.key === 'household_cap')).toMatchObject({
      quantity: 1,
      unit: '户',
      unitAmountFen: -3_500_000,
      subtotalFen: -3_500_000,
      note: '每户合计最多 200,000.00 元',
    });
    expect(estimate).toMatchObject({ ruleSetId: demo.id, ruleSetVersion: 1, ruleSetName: demo.name });
  });

  it('explains in notes what it left out and why', () => {
    const late = SUBSIDY_WORKED_CASES.find((c) => c.id === 'demolished-late')!;
    expect(calculateSubsidy(late.input, demo).notes).toEqual([
      '未计入拆旧复垦奖励：拆除日期 2027-07-01 晚于规定期限 2027-06-30。',
      '未计入提前搬迁奖励：未填写搬迁日期。在 2026-12-31 前（含当天）搬迁，每户奖励 5,000.00 元。',
    ]);
    const moveLate = SUBSIDY_WORKED_CASES.find((c) => c.id === 'early-move-late')!;
    expect(calculateSubsidy(moveLate.input, demo).notes).toContain('未计入提前搬迁奖励：搬迁日期 2027-01-01 晚于 2026-12-31。');
  });

  it('marks a planned demolition as an assumption', () => {
    const planned = SUBSIDY_WORKED_CASES.find((c) => c.id === 'demolition-cap')!;
    const line = calculateSubsidy(planned.input, demo).lineItems.find((item) => item.key === 'demolition');
    expect(line?.note).toBe('按计划 2027-05-01 拆除估算，须在 2027-06-30 前拆除并通过复垦验收');
  });

  it('grants nothing for items the rule set leaves out, and shows no zero lines', () => {
    const bare: SubsidyRuleSet = { ...demo, householdBase: undefined, specialStatus: {}, demolition: undefined, earlyMove: undefined, householdCap: undefined };
    const estimate = calculateSubsidy(capCase.input, bare);
    expect(estimate.lineItems.map((line) => line.key)).toEqual(['housing']);
    expect(estimate).toMatchObject({ totalFen: 18_000_000, capApplied: false, notes: [] });

    const noRelatives: SubsidyRuleSet = { ...bare, housing: { ...demo.housing, perPersonFen: { ...demo.housing.perPersonFen, relatives: 0 } } };
    expect(calculateSubsidy({ ...capCase.input, resettlementType: 'relatives' }, noRelatives).lineItems).toEqual([]);
  });

  it('warns when one person is marked both 低保 and 特困', () => {
    const input: SubsidyInput = { resettlementType: 'centralized', people: [{ specialStatus: ['dibao', 'tekun'] }], oldHouseFloorArea: 50, demolition: { timing: 'not_planned' }, moveDate: '2026-06-01' };
    const estimate = calculateSubsidy(input, demo);
    expect(subtotals(input)).toMatchObject({ dibao: 300_000, tekun: 500_000 });
    expect(estimate.notes).toEqual(['有成员同时登记为低保和特困，两项都已计入；以民政部门的认定为准。', expect.stringContaining('未计入拆旧复垦奖励：暂不拆除旧房')]);
  });
});

describe('per-square-metre rounding (half-up to the fen)', () => {
  it.each([
    [0.1, 1555, 156], // 155.5 → 156
    [0.3, 1555, 467], // 466.5 → 467
    [10.01, 1555, 15566], // 15565.55 → 15566
    [10.03, 1555, 15597], // 15596.65 → 15597
    [0.01, 49, 0], // 0.49 → 0
    [0.01, 50, 1], // 0.5 → 1
    [1.15, 100, 115], // 1.15 is 1.1499… in binary; the area is taken to hundredths first
    [85.37, 20_000, 1_707_400],
  ])('%f m² × %i fen/m² = %i fen', (area, rate, expected) => {
    expect(areaAmountFen(area, rate)).toBe(expected);
  });

  it('applies the rounding in the estimate', () => {
    const ruleSet: SubsidyRuleSet = { ...demo, demolition: { ...DEMO_SUBSIDY_RULE_SET_BODY.demolition, perSquareMetreFen: 1555 } };
    const input: SubsidyInput = { resettlementType: 'urban', people: [{ specialStatus: [] }], oldHouseFloorArea: 10.01, demolition: { timing: 'demolished', date: '2026-05-01' } };
    expect(subtotals(input, ruleSet).demolition).toBe(15566);
  });
});

/** mulberry32: a small seeded PRNG so every run draws the same households. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('properties over random households', () => {
  const random = seededRandom(20260101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const randomDate = () => `202${6 + Math.floor(random() * 2)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const randomPerson = () => ({ specialStatus: SPECIAL_STATUSES.filter(() => random() < 0.2) as SpecialStatus[] });
  const randomHousehold = (): SubsidyInput => ({
    resettlementType: pick(RESETTLEMENT_TYPES),
    people: Array.from({ length: 1 + Math.floor(random() * 10) }, randomPerson),
    oldHouseFloorArea: Math.round(random() * 300_00) / 100,
    demolition: pick([{ timing: 'not_planned' }, { timing: 'planned', date: randomDate() }, { timing: 'demolished', date: randomDate() }] as const),
    moveDate: random() < 0.3 ? undefined : randomDate(),
  });
  /** Lower caps than the demo's so that the caps are often reached. */
  const tightRuleSet: SubsidyRuleSet = { ...demo, householdCap: { ...DEMO_SUBSIDY_RULE_SET_BODY.householdCap, capFen: 12_000_000 }, demolition: { ...DEMO_SUBSIDY_RULE_SET_BODY.demolition, perSquareMetreFen: 1555, capFen: 1_500_000 } };
  const households = Array.from({ length: 400 }, randomHousehold);

  it.each([
    ['demo', demo],
    ['tight caps', tightRuleSet],
  ] as const)('with the %s rule set: total = sum of lines, never negative, never above the cap', (_name, ruleSet) => {
    let capsReached = 0;
    for (const household of households) {
      const estimate = calculateSubsidy(household, ruleSet);
      expect(estimate.totalFen).toBe(estimate.lineItems.reduce((sum, line) => sum + line.subtotalFen, 0));
      expect(estimate.totalFen).toBeGreaterThanOrEqual(0);
      expect(estimate.totalFen).toBeLessThanOrEqual(ruleSet.householdCap!.capFen);
      expect(Number.isInteger(estimate.totalFen)).toBe(true);
      const demolition = estimate.lineItems.filter((line) => line.key === 'demolition' || line.key === 'demolition_cap');
      expect(demolition.reduce((sum, line) => sum + line.subtotalFen, 0)).toBeLessThanOrEqual(ruleSet.demolition!.capFen);
      if (estimate.capApplied) capsReached += 1;
    }
    if (ruleSet === tightRuleSet) expect(capsReached).toBeGreaterThan(20);
  });

  it('never pays less when the household gains a person', () => {
    for (const household of households) {
      const larger = { ...household, people: [...household.people, randomPerson()] };
      for (const ruleSet of [demo, tightRuleSet]) {
        expect(calculateSubsidy(larger, ruleSet).totalFen).toBeGreaterThanOrEqual(calculateSubsidy(household, ruleSet).totalFen);
      }
    }
  });

  it('gives the same answer for the same input', () => {
    for (const household of households.slice(0, 50)) {
      expect(calculateSubsidy(structuredClone(household), demo)).toEqual(calculateSubsidy(household, demo));
    }
  });
});

describe('ruleSetInForce, findRuleSetOverlap and ruleSetPhase', () => {
  const y2026 = { id: 'a', effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31' };
  const y2027 = { id: 'b', effectiveFrom: '2027-01-01', effectiveTo: '2027-12-31' };

  it('finds the rule set whose inclusive period holds the date', () => {
    expect(ruleSetInForce([y2026, y2027], '2026-12-31')).toBe(y2026);
    expect(ruleSetInForce([y2026, y2027], '2027-01-01')).toBe(y2027);
    expect(ruleSetInForce([y2026, y2027], '2025-12-31')).toBeUndefined();
  });

  it('reports a clash when two periods share even one day, ignoring the set being edited', () => {
    expect(findRuleSetOverlap([y2026, y2027], { effectiveFrom: '2027-12-31', effectiveTo: '2028-12-31' })).toBe(y2027);
    expect(findRuleSetOverlap([y2026, y2027], { effectiveFrom: '2025-01-01', effectiveTo: '2026-01-01' })).toBe(y2026);
    expect(findRuleSetOverlap([y2026, y2027], { effectiveFrom: '2028-01-01', effectiveTo: '2028-12-31' })).toBeUndefined();
    expect(findRuleSetOverlap([y2026, y2027], { id: 'a', effectiveFrom: '2026-03-01', effectiveTo: '2026-12-31' })).toBeUndefined();
    expect(findRuleSetOverlap([y2026, y2027], { id: 'a', effectiveFrom: '2026-03-01', effectiveTo: '2027-01-01' })).toBe(y2027);
  });

  it('names the phase of a period', () => {
    expect(ruleSetPhase(y2026, '2025-12-31')).toBe('upcoming');
    expect(ruleSetPhase(y2026, '2026-01-01')).toBe('in_force');
    expect(ruleSetPhase(y2026, '2026-12-31')).toBe('in_force');
    expect(ruleSetPhase(y2026, '2027-01-01')).toBe('ended');
  });
});

describe('money formatting', () => {
  it.each([
    [0, '0.00 元'],
    [5, '0.05 元'],
    [1_234_500, '12,345.00 元'],
    [20_000_000, '200,000.00 元'],
    [123_456_789, '1,234,567.89 元'],
    [-600_000, '-6,000.00 元'],
  ])('formatFen(%i) is %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('turns yuan typed with two decimals into exact fen', () => {
    expect(yuanToFen(25000)).toBe(2_500_000);
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(1.15)).toBe(115);
  });
});

describe('subsidyInputFromHousehold', () => {
  it('counts the head with the members and leaves the timing out unless given', () => {
    const household = {
      head: { specialStatus: ['disabled'] as SpecialStatus[] },
      members: [{ specialStatus: [] }, { specialStatus: ['dibao'] as SpecialStatus[] }],
      house: { floorArea: 96.5 },
    };
    expect(subsidyInputFromHousehold(household, 'centralized')).toEqual({
      resettlementType: 'centralized',
      people: [{ specialStatus: ['disabled'] }, { specialStatus: [] }, { specialStatus: ['dibao'] }],
      oldHouseFloorArea: 96.5,
      demolition: { timing: 'not_planned' },
    });
    const timed = subsidyInputFromHousehold(household, 'urban', { demolition: { timing: 'planned', date: '2027-01-01' }, moveDate: '2026-09-01' });
    expect(timed).toMatchObject({ demolition: { timing: 'planned', date: '2027-01-01' }, moveDate: '2026-09-01' });
  });
});

describe('subsidyPreviewHouseholds', () => {
  it('gives valid samples that show on-time and late timing against the rule set', () => {
    const samples = subsidyPreviewHouseholds(demo);
    for (const sample of samples) expect(subsidyInputSchema.safeParse(sample.input).success).toBe(true);
    const [onTime, , late] = samples.map((sample) => calculateSubsidy(sample.input, demo));
    expect(onTime.lineItems.map((line) => line.key)).toEqual(['housing', 'household_base', 'dibao', 'demolition', 'early_move']);
    expect(late.lineItems.map((line) => line.key)).toEqual(['housing', 'household_base', 'disabled']);
  });
});

describe('the rule-set schema', () => {
  it('accepts the demo rule set', () => {
    expect(subsidyRuleSetBodySchema.safeParse(DEMO_SUBSIDY_RULE_SET_BODY).success).toBe(true);
  });

  it('refuses fractions of a fen, negative amounts and a missing citation', () => {
    const result = subsidyRuleSetBodySchema.safeParse({
      ...DEMO_SUBSIDY_RULE_SET_BODY,
      householdBase: { ...DEMO_SUBSIDY_RULE_SET_BODY.householdBase, amountFen: 100.5 },
      earlyMove: { ...DEMO_SUBSIDY_RULE_SET_BODY.earlyMove, amountFen: -1 },
      householdCap: { capFen: 1 },
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'earlyMove.amountFen',
      'householdBase.amountFen',
      'householdCap.policyId',
      'householdCap.source',
    ]);
  });

  it('refuses a period that ends before it starts, and accepts a one-day period', () => {
    const result = subsidyRuleSetBodySchema.safeParse({ ...DEMO_SUBSIDY_RULE_SET_BODY, effectiveTo: '2025-12-31' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['effectiveTo'], message: '截止日期不能早于开始日期' })]);
    expect(subsidyRuleSetBodySchema.safeParse({ ...DEMO_SUBSIDY_RULE_SET_BODY, effectiveTo: '2026-01-01' }).success).toBe(true);
  });
});
