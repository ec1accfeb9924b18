import { addDays } from './china-date';
import { SPECIAL_STATUSES, SPECIAL_STATUS_LABELS, type SpecialStatus } from './schemas/household';
import { RESETTLEMENT_TYPE_LABELS, type ResettlementType } from './schemas/registration';
import type {
  RuleSetPhase,
  SubsidyEstimate,
  SubsidyInput,
  SubsidyLineItem,
  SubsidyRules,
  SubsidyRuleSet,
} from './schemas/subsidy';

/**
 * The subsidy calculator: one pure function shared by the server (registration estimates, the
 * amounts fixed at approval) and the mini-program (the resident's estimate, offline too). No clock,
 * no Node APIs, integer fen throughout.
 *
 * Rounding: the floor area is taken to whole hundredths of a m² (as entered, at most two decimals)
 * and area × rate is rounded half-up to the whole fen — the only place a fraction can arise, and
 * only when a rate is not a whole number of yuan.
 */
export function calculateSubsidy(input: SubsidyInput, ruleSet: SubsidyRuleSet): SubsidyEstimate {
  const lines: SubsidyLineItem[] = [];
  const notes: string[] = [];
  const people = input.people.length;

  const housing = ruleSet.housing;
  pushLine(lines, {
    key: 'housing',
    name: `住房补助（${RESETTLEMENT_TYPE_LABELS[input.resettlementType]}）`,
    quantity: people,
    unit: '人',
    unitAmountFen: housing.perPersonFen[input.resettlementType],
    subtotalFen: people * housing.perPersonFen[input.resettlementType],
    policyId: housing.policyId,
    source: housing.source,
  });

  const base = ruleSet.householdBase;
  if (base) {
    pushLine(lines, { key: 'household_base', name: '每户基础补助', quantity: 1, unit: '户', unitAmountFen: base.amountFen, subtotalFen: base.amountFen, policyId: base.policyId, source: base.source });
  }

  for (const status of SPECIAL_STATUSES) {
    const item = ruleSet.specialStatus[status];
    const count = input.people.filter((person) => person.specialStatus.includes(status)).length;
    if (item && count > 0) {
      pushLine(lines, {
        key: status,
        name: `${SPECIAL_STATUS_LABELS[status]}人员补助`,
        quantity: count,
        unit: '人',
        unitAmountFen: item.perPersonFen,
        subtotalFen: count * item.perPersonFen,
        policyId: item.policyId,
        source: item.source,
      });
    }
  }
  if (input.people.some((person) => person.specialStatus.includes('dibao') && person.specialStatus.includes('tekun'))) {
    notes.push('有成员同时登记为低保和特困，两项都已计入；以民政部门的认定为准。');
  }

  addDemolition(ruleSet, input, lines, notes);
  addEarlyMove(ruleSet, input, lines, notes);

  let capApplied = false;
  const cap = ruleSet.householdCap;
  const beforeCap = sumFen(lines);
  if (cap && beforeCap > cap.capFen) {
    capApplied = true;
    const excess = beforeCap - cap.capFen;
    lines.push({
      key: 'household_cap',
      name: '超过每户补助上限部分',
      quantity: 1,
      unit: '户',
      unitAmountFen: -excess,
      subtotalFen: -excess,
      policyId: cap.policyId,
      source: cap.source,
      note: `每户合计最多 ${formatFen(cap.capFen)}`,
    });
  }

  return {
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    ruleSetName: ruleSet.name,
    lineItems: lines,
    totalFen: sumFen(lines),
    capApplied,
    notes,
  };
}

/** Lines that grant nothing are left out. */
function pushLine(lines: SubsidyLineItem[], line: SubsidyLineItem) {
  if (line.subtotalFen > 0) lines.push(line);
}

function sumFen(lines: SubsidyLineItem[]): number {
  return lines.reduce((sum, line) => sum + line.subtotalFen, 0);
}

/** Area (m², at most two decimals) × fen per m², rounded half-up to the fen. */
export function areaAmountFen(area: number, fenPerSquareMetre: number): number {
  const hundredths = Math.round(area * 100);
  return Math.floor((hundredths * fenPerSquareMetre + 50) / 100);
}

function addDemolition(ruleSet: SubsidyRules, input: SubsidyInput, lines: SubsidyLineItem[], notes: string[]) {
  const rule = ruleSet.demolition;
  if (!rule) return;
  const offer = `在 ${rule.deadline} 前拆除旧房并复垦，每平方米奖励 ${formatFen(rule.perSquareMetreFen)}，最多 ${formatFen(rule.capFen)}`;
  const { demolition } = input;
  if (demolition.timing === 'not_planned') {
    notes.push(`未计入拆旧复垦奖励：暂不拆除旧房。${offer}。`);
    return;
  }
  if (demolition.date > rule.deadline) {
    notes.push(`未计入拆旧复垦奖励：拆除日期 ${demolition.date} 晚于规定期限 ${rule.deadline}。`);
    return;
  }
  const area = Math.round(input.oldHouseFloorArea * 100) / 100;
  const amount = areaAmountFen(area, rule.perSquareMetreFen);
  if (amount === 0) {
    notes.push('未计入拆旧复垦奖励：旧房面积为 0。');
    return;
  }
  lines.push({
    key: 'demolition',
    name: '拆旧复垦奖励',
    quantity: area,
    unit: '平方米',
    unitAmountFen: rule.perSquareMetreFen,
    subtotalFen: amount,
    policyId: rule.policyId,
    source: rule.source,
    note:
      demolition.timing === 'demolished'
        ? `${demolition.date} 已拆除`
        : `按计划 ${demolition.date} 拆除估算，须在 ${rule.deadline} 前拆除并通过复垦验收`,
  });
  if (amount > rule.capFen) {
    lines.push({
      key: 'demolition_cap',
      name: '超过拆旧复垦奖励上限部分',
      quantity: 1,
      unit: '户',
      unitAmountFen: rule.capFen - amount,
      subtotalFen: rule.capFen - amount,
      policyId: rule.policyId,
      source: rule.source,
      note: `拆旧复垦奖励每户最多 ${formatFen(rule.capFen)}`,
    });
  }
}

function addEarlyMove(ruleSet: SubsidyRules, input: SubsidyInput, lines: SubsidyLineItem[], notes: string[]) {
  const rule = ruleSet.earlyMove;
  if (!rule) return;
  if (!input.moveDate) {
    notes.push(`未计入提前搬迁奖励：未填写搬迁日期。在 ${rule.deadline} 前（含当天）搬迁，每户奖励 ${formatFen(rule.amountFen)}。`);
    return;
  }
  if (input.moveDate > rule.deadline) {
    notes.push(`未计入提前搬迁奖励：搬迁日期 ${input.moveDate} 晚于 ${rule.deadline}。`);
    return;
  }
  pushLine(lines, {
    key: 'early_move',
    name: '提前搬迁奖励',
    quantity: 1,
    unit: '户',
    unitAmountFen: rule.amountFen,
    subtotalFen: rule.amountFen,
    policyId: rule.policyId,
    source: rule.source,
    note: `${input.moveDate} 搬迁，不晚于 ${rule.deadline}`,
  });
}

type Period = { effectiveFrom: string; effectiveTo: string };

/** The rule set in force on `date` (a China date), if any. Periods never overlap (the server refuses it). */
export function ruleSetInForce<T extends Period>(ruleSets: readonly T[], date: string): T | undefined {
  return ruleSets.find((ruleSet) => ruleSet.effectiveFrom <= date && date <= ruleSet.effectiveTo);
}

/** The first saved rule set whose period shares a day with `candidate` (itself excluded when it has an id). */
export function findRuleSetOverlap<T extends Period & { id: string }>(ruleSets: readonly T[], candidate: Period & { id?: string }): T | undefined {
  return ruleSets.find(
    (ruleSet) => ruleSet.id !== candidate.id && ruleSet.effectiveFrom <= candidate.effectiveTo && candidate.effectiveFrom <= ruleSet.effectiveTo,
  );
}

export function ruleSetPhase(ruleSet: Period, today: string): RuleSetPhase {
  if (today < ruleSet.effectiveFrom) return 'upcoming';
  if (today > ruleSet.effectiveTo) return 'ended';
  return 'in_force';
}

/** `1234500` → `12,345.00 元`. Written by hand: the mini-program's JS engine may lack Intl. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')} 元`;
}

/** An amount typed in yuan (at most two decimals) as fen. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

type HouseholdFacts = {
  head: { specialStatus: readonly SpecialStatus[] };
  members: readonly { specialStatus: readonly SpecialStatus[] }[];
  house: { floorArea: number };
};

/**
 * The calculator input from a household file (stored or presented). Demolition and move dates are
 * not in the file: without them the estimate leaves those rewards out and says so.
 */
export function subsidyInputFromHousehold(
  household: HouseholdFacts,
  resettlementType: ResettlementType,
  timing: Pick<SubsidyInput, 'demolition' | 'moveDate'> = { demolition: { timing: 'not_planned' } },
): SubsidyInput {
  return {
    resettlementType,
    people: [household.head, ...household.members].map((person) => ({ specialStatus: [...person.specialStatus] })),
    oldHouseFloorArea: household.house.floorArea,
    ...timing,
  };
}

/** Sample households for the rule-set editor's live preview, dated against the rule set's own deadlines. */
export function subsidyPreviewHouseholds(ruleSet: Pick<SubsidyRules, 'demolition' | 'earlyMove'> & Period): { label: string; input: SubsidyInput }[] {
  const demolitionDeadline = ruleSet.demolition?.deadline ?? ruleSet.effectiveTo;
  const moveDeadline = ruleSet.earlyMove?.deadline ?? ruleSet.effectiveTo;
  return [
    {
      label: '集中安置 4 人（1 人低保），旧房 120 平方米按期拆除，按期搬迁',
      input: {
        resettlementType: 'centralized',
        people: [{ specialStatus: ['dibao'] }, { specialStatus: [] }, { specialStatus: [] }, { specialStatus: [] }],
        oldHouseFloorArea: 120,
        demolition: { timing: 'planned', date: demolitionDeadline },
        moveDate: moveDeadline,
      },
    },
    {
      label: '进城安置 2 人（1 人特困），暂不拆除旧房',
      input: {
        resettlementType: 'urban',
        people: [{ specialStatus: ['tekun'] }, { specialStatus: [] }],
        oldHouseFloorArea: 60,
        demolition: { timing: 'not_planned' },
      },
    },
    {
      label: '分散安置 6 人（1 人残疾），旧房 200 平方米逾期拆除',
      input: {
        resettlementType: 'scattered',
        people: [{ specialStatus: ['disabled'] }, ...Array.from({ length: 5 }, () => ({ specialStatus: [] }))],
        oldHouseFloorArea: 200,
        demolition: { timing: 'demolished', date: addDays(demolitionDeadline, 1) },
        moveDate: addDays(moveDeadline, 1),
      },
    },
    {
      label: '投亲靠友 1 人',
      input: { resettlementType: 'relatives', people: [{ specialStatus: [] }], oldHouseFloorArea: 40, demolition: { timing: 'not_planned' } },
    },
  ];
}
