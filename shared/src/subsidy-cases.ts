import type { SubsidyInput, SubsidyLineKey } from './schemas/subsidy';

/**
 * Worked cases against DEMO_SUBSIDY_RULE_SET, each total computed by hand (in yuan in the comment).
 * The shared tests check the calculator against them; the server and mini-program tests check that
 * they reach the same totals; the browser test enters one case and expects its total.
 */
export type SubsidyWorkedCase = {
  id: string;
  name: string;
  input: SubsidyInput;
  /** Subtotal of every line the estimate must show, and no other lines. */
  expectedLines: Partial<Record<SubsidyLineKey, number>>;
  expectedTotalFen: number;
};

const people = (count: number, ...statuses: SubsidyInput['people'][number]['specialStatus'][]): SubsidyInput['people'] =>
  Array.from({ length: count }, (_, index) => ({ specialStatus: statuses[index] ?? [] }));

const notDemolishing = { demolition: { timing: 'not_planned' } } as const;

export const SUBSIDY_WORKED_CASES: SubsidyWorkedCase[] = [
  {
    // 4 × 25,000 + 10,000 = 110,000
    id: 'centralized-4',
    name: '集中安置 4 人',
    input: { resettlementType: 'centralized', people: people(4), oldHouseFloorArea: 90, ...notDemolishing },
    expectedLines: { housing: 10_000_000, household_base: 1_000_000 },
    expectedTotalFen: 11_000_000,
  },
  {
    // 3 × 20,000 + 10,000 = 70,000
    id: 'scattered-3',
    name: '分散安置 3 人',
    input: { resettlementType: 'scattered', people: people(3), oldHouseFloorArea: 80, ...notDemolishing },
    expectedLines: { housing: 6_000_000, household_base: 1_000_000 },
    expectedTotalFen: 7_000_000,
  },
  {
    // 2 × 30,000 + 10,000 = 70,000
    id: 'urban-2',
    name: '进城安置 2 人',
    input: { resettlementType: 'urban', people: people(2), oldHouseFloorArea: 60, ...notDemolishing },
    expectedLines: { housing: 6_000_000, household_base: 1_000_000 },
    expectedTotalFen: 7_000_000,
  },
  {
    // 5 × 15,000 + 10,000 = 85,000
    id: 'relatives-5',
    name: '投亲靠友 5 人',
    input: { resettlementType: 'relatives', people: people(5), oldHouseFloorArea: 110, ...notDemolishing },
    expectedLines: { housing: 7_500_000, household_base: 1_000_000 },
    expectedTotalFen: 8_500_000,
  },
  {
    // 3 × 25,000 + 10,000 + 1 × 3,000 = 88,000
    id: 'dibao',
    name: '集中安置 3 人，1 人低保',
    input: { resettlementType: 'centralized', people: people(3, ['dibao']), oldHouseFloorArea: 75, ...notDemolishing },
    expectedLines: { housing: 7_500_000, household_base: 1_000_000, dibao: 300_000 },
    expectedTotalFen: 8_800_000,
  },
  {
    // 1 × 15,000 + 10,000 + 1 × 5,000 = 30,000
    id: 'tekun',
    name: '投亲靠友 1 人，特困',
    input: { resettlementType: 'relatives', people: people(1, ['tekun']), oldHouseFloorArea: 30, ...notDemolishing },
    expectedLines: { housing: 1_500_000, household_base: 1_000_000, tekun: 500_000 },
    expectedTotalFen: 3_000_000,
  },
  {
    // 4 × 20,000 + 10,000 + 2 × 2,000 = 94,000
    id: 'disabled',
    name: '分散安置 4 人，2 人残疾',
    input: { resettlementType: 'scattered', people: people(4, ['disabled'], ['disabled']), oldHouseFloorArea: 100, ...notDemolishing },
    expectedLines: { housing: 8_000_000, household_base: 1_000_000, disabled: 400_000 },
    expectedTotalFen: 9_400_000,
  },
  {
    // 2 × 25,000 + 10,000 + 3,000 + 2,000 = 65,000
    id: 'dibao-and-disabled',
    name: '集中安置 2 人，1 人既是低保又是残疾',
    input: { resettlementType: 'centralized', people: people(2, ['dibao', 'disabled']), oldHouseFloorArea: 50, ...notDemolishing },
    expectedLines: { housing: 5_000_000, household_base: 1_000_000, dibao: 300_000, disabled: 200_000 },
    expectedTotalFen: 6_500_000,
  },
  {
    // 4 × 25,000 + 10,000 + 120.5 × 200 (24,100) = 134,100
    id: 'demolished-on-time',
    name: '集中安置 4 人，旧房 120.5 平方米于 2027-03-15 拆除',
    input: { resettlementType: 'centralized', people: people(4), oldHouseFloorArea: 120.5, demolition: { timing: 'demolished', date: '2027-03-15' } },
    expectedLines: { housing: 10_000_000, household_base: 1_000_000, demolition: 2_410_000 },
    expectedTotalFen: 13_410_000,
  },
  {
    // 2 × 20,000 + 10,000 + 100 × 200 (20,000) = 70,000
    id: 'demolished-on-deadline',
    name: '分散安置 2 人，旧房 100 平方米恰在期限当天 2027-06-30 拆除',
    input: { resettlementType: 'scattered', people: people(2), oldHouseFloorArea: 100, demolition: { timing: 'demolished', date: '2027-06-30' } },
    expectedLines: { housing: 4_000_000, household_base: 1_000_000, demolition: 2_000_000 },
    expectedTotalFen: 7_000_000,
  },
  {
    // 2 × 20,000 + 10,000 = 50,000; no reward one day after the deadline
    id: 'demolished-late',
    name: '分散安置 2 人，旧房 100 平方米于 2027-07-01 逾期拆除',
    input: { resettlementType: 'scattered', people: people(2), oldHouseFloorArea: 100, demolition: { timing: 'demolished', date: '2027-07-01' } },
    expectedLines: { housing: 4_000_000, household_base: 1_000_000 },
    expectedTotalFen: 5_000_000,
  },
  {
    // 3 × 25,000 + 10,000 + 180 × 200 (36,000) − 6,000 over the 30,000 cap = 115,000
    id: 'demolition-cap',
    name: '集中安置 3 人，旧房 180 平方米计划 2027-05-01 拆除（超过奖励上限）',
    input: { resettlementType: 'centralized', people: people(3), oldHouseFloorArea: 180, demolition: { timing: 'planned', date: '2027-05-01' } },
    expectedLines: { housing: 7_500_000, household_base: 1_000_000, demolition: 3_600_000, demolition_cap: -600_000 },
    expectedTotalFen: 11_500_000,
  },
  {
    // 2 × 25,000 + 10,000 + 5,000 = 65,000
    id: 'early-move-on-deadline',
    name: '集中安置 2 人，恰在期限当天 2026-12-31 搬迁',
    input: { resettlementType: 'centralized', people: people(2), oldHouseFloorArea: 60, ...notDemolishing, moveDate: '2026-12-31' },
    expectedLines: { housing: 5_000_000, household_base: 1_000_000, early_move: 500_000 },
    expectedTotalFen: 6_500_000,
  },
  {
    // 2 × 25,000 + 10,000 = 60,000; no bonus one day after the deadline
    id: 'early-move-late',
    name: '集中安置 2 人，2027-01-01 搬迁（晚一天）',
    input: { resettlementType: 'centralized', people: people(2), oldHouseFloorArea: 60, ...notDemolishing, moveDate: '2027-01-01' },
    expectedLines: { housing: 5_000_000, household_base: 1_000_000 },
    expectedTotalFen: 6_000_000,
  },
  {
    // 6 × 30,000 + 10,000 + 2 × 5,000 + 150 × 200 (30,000, exactly the cap) + 5,000 = 235,000 → cap 200,000
    id: 'household-cap',
    name: '进城安置 6 人（2 人特困），旧房 150 平方米按期拆除，提前搬迁（达到每户上限）',
    input: {
      resettlementType: 'urban',
      people: people(6, ['tekun'], ['tekun']),
      oldHouseFloorArea: 150,
      demolition: { timing: 'demolished', date: '2026-11-20' },
      moveDate: '2026-10-01',
    },
    expectedLines: { housing: 18_000_000, household_base: 1_000_000, tekun: 1_000_000, demolition: 3_000_000, early_move: 500_000, household_cap: -3_500_000 },
    expectedTotalFen: 20_000_000,
  },
  {
    // 2 × 15,000 + 10,000 + 85.37 × 200 (17,074) = 57,074
    id: 'decimal-area',
    name: '投亲靠友 2 人，旧房 85.37 平方米于 2027-01-10 拆除',
    input: { resettlementType: 'relatives', people: people(2), oldHouseFloorArea: 85.37, demolition: { timing: 'demolished', date: '2027-01-10' } },
    expectedLines: { housing: 3_000_000, household_base: 1_000_000, demolition: 1_707_400 },
    expectedTotalFen: 5_707_400,
  },
  {
    // 5 × 20,000 + 10,000 + 3,000 + 5,000 + 2,000 + 95.5 × 200 (19,100) + 5,000 = 144,100
    id: 'everything',
    name: '分散安置 5 人（低保、特困、残疾各 1 人），旧房 95.5 平方米计划期限当天拆除，2026-08-01 搬迁',
    input: {
      resettlementType: 'scattered',
      people: people(5, ['dibao'], ['tekun'], ['disabled']),
      oldHouseFloorArea: 95.5,
      demolition: { timing: 'planned', date: '2027-06-30' },
      moveDate: '2026-08-01',
    },
    expectedLines: { housing: 10_000_000, household_base: 1_000_000, dibao: 300_000, tekun: 500_000, disabled: 200_000, demolition: 1_910_000, early_move: 500_000 },
    expectedTotalFen: 14_410_000,
  },
];
