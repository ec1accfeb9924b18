import dayjs, { type Dayjs } from 'dayjs';
import {
  addDays,
  findRuleSetOverlap,
  SPECIAL_STATUSES,
  subsidyRuleSetBodySchema,
  yuanToFen,
  type SpecialStatus,
  type SubsidyRules,
  type SubsidyRuleSet,
  type SubsidyRuleSetBody,
} from '@anqian/shared';

/**
 * The rule-set editor's form values: money in yuan as typed, dates as dayjs, and an `enabled`
 * switch for every optional item. The body the server receives is built from these and checked
 * with the shared schema on every keystroke.
 */
type SavedPeriod = { id: string; name: string; effectiveFrom: string; effectiveTo: string };
type Citation = { policyId?: string; source?: string };
type Optional<T> = Citation & T & { enabled: boolean };

export type RuleSetValues = {
  name?: string;
  period?: [Dayjs, Dayjs] | null;
  housing: Citation & { centralized?: number | null; scattered?: number | null; urban?: number | null; relatives?: number | null };
  householdBase: Optional<{ amount?: number | null }>;
  specialStatus: Record<SpecialStatus, Optional<{ perPerson?: number | null }>>;
  demolition: Optional<{ perSquareMetre?: number | null; cap?: number | null; deadline?: Dayjs | null }>;
  earlyMove: Optional<{ amount?: number | null; deadline?: Dayjs | null }>;
  householdCap: Optional<{ cap?: number | null }>;
};

const DATE = 'YYYY-MM-DD';

/** An empty box stays empty, so the schema reports "请输入…" instead of a silent 0. */
const fen = (yuan: number | null | undefined) => (typeof yuan === 'number' ? yuanToFen(yuan) : undefined);
const yuan = (fenAmount: number) => fenAmount / 100;
const date = (value: Dayjs | null | undefined) => (value ? value.format(DATE) : undefined);
const citation = (item: Citation) => ({ policyId: item.policyId, source: item.source?.trim() });

export function toRuleSetBody(values: RuleSetValues): SubsidyRuleSetBody {
  const { housing, householdBase, specialStatus, demolition, earlyMove, householdCap } = values;
  const body = {
    name: values.name?.trim(),
    effectiveFrom: date(values.period?.[0]),
    effectiveTo: date(values.period?.[1]),
    housing: {
      perPersonFen: {
        centralized: fen(housing.centralized),
        scattered: fen(housing.scattered),
        urban: fen(housing.urban),
        relatives: fen(housing.relatives),
      },
      ...citation(housing),
    },
    householdBase: householdBase.enabled ? { amountFen: fen(householdBase.amount), ...citation(householdBase) } : undefined,
    specialStatus: Object.fromEntries(
      SPECIAL_STATUSES.filter((status) => specialStatus[status].enabled).map((status) => [
        status,
        { perPersonFen: fen(specialStatus[status].perPerson), ...citation(specialStatus[status]) },
      ]),
    ),
    demolition: demolition.enabled
      ? { perSquareMetreFen: fen(demolition.perSquareMetre), capFen: fen(demolition.cap), deadline: date(demolition.deadline), ...citation(demolition) }
      : undefined,
    earlyMove: earlyMove.enabled ? { amountFen: fen(earlyMove.amount), deadline: date(earlyMove.deadline), ...citation(earlyMove) } : undefined,
    householdCap: householdCap.enabled ? { capFen: fen(householdCap.cap), ...citation(householdCap) } : undefined,
  };
  // Incomplete while the user types; the schema says what is missing.
  return body as SubsidyRuleSetBody;
}

const emptyOptional = { enabled: false };

export const EMPTY_RULE_SET_VALUES: RuleSetValues = {
  housing: {},
  householdBase: emptyOptional,
  specialStatus: { dibao: emptyOptional, tekun: emptyOptional, disabled: emptyOptional },
  demolition: emptyOptional,
  earlyMove: emptyOptional,
  householdCap: emptyOptional,
};

/** The items of a saved rule set as form values; the name and period are the caller's. */
export function ruleValues(rules: SubsidyRules): Omit<RuleSetValues, 'name' | 'period'> {
  const { housing, householdBase, specialStatus, demolition, earlyMove, householdCap } = rules;
  const cite = (item: Citation) => ({ policyId: item.policyId, source: item.source });
  return {
    housing: {
      centralized: yuan(housing.perPersonFen.centralized),
      scattered: yuan(housing.perPersonFen.scattered),
      urban: yuan(housing.perPersonFen.urban),
      relatives: yuan(housing.perPersonFen.relatives),
      ...cite(housing),
    },
    householdBase: householdBase ? { enabled: true, amount: yuan(householdBase.amountFen), ...cite(householdBase) } : emptyOptional,
    specialStatus: Object.fromEntries(
      SPECIAL_STATUSES.map((status) => {
        const item = specialStatus[status];
        return [status, item ? { enabled: true, perPerson: yuan(item.perPersonFen), ...cite(item) } : emptyOptional];
      }),
    ) as RuleSetValues['specialStatus'],
    demolition: demolition
      ? { enabled: true, perSquareMetre: yuan(demolition.perSquareMetreFen), cap: yuan(demolition.capFen), deadline: dayjs(demolition.deadline), ...cite(demolition) }
      : emptyOptional,
    earlyMove: earlyMove ? { enabled: true, amount: yuan(earlyMove.amountFen), deadline: dayjs(earlyMove.deadline), ...cite(earlyMove) } : emptyOptional,
    householdCap: householdCap ? { enabled: true, cap: yuan(householdCap.capFen), ...cite(householdCap) } : emptyOptional,
  };
}

export function savedRuleSetValues(ruleSet: SubsidyRuleSet): RuleSetValues {
  return { name: ruleSet.name, period: [dayjs(ruleSet.effectiveFrom), dayjs(ruleSet.effectiveTo)], ...ruleValues(ruleSet) };
}

/** A new period starts the day after the newest one ends and, by default, copies its items. */
export function nextRuleSetValues(newest: SubsidyRuleSet | undefined): RuleSetValues {
  if (!newest) return EMPTY_RULE_SET_VALUES;
  const start = dayjs(addDays(newest.effectiveTo, 1));
  return { name: '', period: [start, start.endOf('year').startOf('day')], ...ruleValues(newest) };
}

/** Where a schema path (or a server detail's `body.…` field) shows up in the form. */
export function formFieldKey(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts[0] === 'effectiveFrom' || parts[0] === 'effectiveTo') return 'period';
  if (parts[0] === 'housing' && parts[1] === 'perPersonFen' && parts[2]) return `housing.${parts[2]}`;
  return parts.map((part) => part.replace(/Fen$/, '')).join('.');
}

export type RuleSetCheck =
  | { success: true; body: SubsidyRules & { name: string; effectiveFrom: string; effectiveTo: string }; errors: Map<string, string> }
  | { success: false; errors: Map<string, string> };

/**
 * The shared schema's verdict with the first message for each form field, plus the clash with
 * another saved period that the server would refuse.
 */
export function checkRuleSet(values: RuleSetValues, others: readonly SavedPeriod[], ownId: string | undefined): RuleSetCheck {
  const result = subsidyRuleSetBodySchema.safeParse(toRuleSetBody(values));
  const errors = new Map<string, string>();
  const [from, to] = values.period ?? [];
  const clash = from && to ? findRuleSetOverlap(others, { id: ownId, effectiveFrom: from.format(DATE), effectiveTo: to.format(DATE) }) : undefined;
  if (clash) errors.set('period', `与“${clash.name}”（${clash.effectiveFrom} 至 ${clash.effectiveTo}）的执行期重叠`);
  if (result.success) return clash ? { success: false, errors } : { success: true, body: result.data, errors };
  for (const issue of result.error.issues) {
    const key = formFieldKey(issue.path);
    if (!errors.has(key)) errors.set(key, issue.message);
  }
  return { success: false, errors };
}
