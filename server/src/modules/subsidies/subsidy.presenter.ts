import { ruleSetPhase, type StaffSubsidyRuleSet, type SubsidyRuleSet, type SubsidyRuleSetSummary } from '@anqian/shared';
import type { RuleSetRecord, RuleSetVersionRecord } from './subsidy-rule-set.model';

/** The rule set as the calculator and the mini-program read it; optional items only when set. */
export function presentRuleSet(record: RuleSetRecord | RuleSetVersionRecord, id: string): SubsidyRuleSet {
  return {
    id,
    name: record.name,
    effectiveFrom: record.effectiveFrom,
    effectiveTo: record.effectiveTo,
    housing: record.housing,
    ...(record.householdBase && { householdBase: record.householdBase }),
    specialStatus: record.specialStatus ?? {},
    ...(record.demolition && { demolition: record.demolition }),
    ...(record.earlyMove && { earlyMove: record.earlyMove }),
    ...(record.householdCap && { householdCap: record.householdCap }),
    version: record.version,
    updatedAt: record.updatedAt.toISOString(),
  };
}

export function presentRuleSetSummary(record: RuleSetRecord, today: string): SubsidyRuleSetSummary {
  return {
    id: record._id.toString(),
    name: record.name,
    effectiveFrom: record.effectiveFrom,
    effectiveTo: record.effectiveTo,
    version: record.version,
    updatedAt: record.updatedAt.toISOString(),
    phase: ruleSetPhase(record, today),
    updatedBy: record.updatedBy,
  };
}

export function presentStaffRuleSet(record: RuleSetRecord, today: string): StaffSubsidyRuleSet {
  return {
    ...presentRuleSet(record, record._id.toString()),
    phase: ruleSetPhase(record, today),
    updatedBy: record.updatedBy,
    history: [...record.history].reverse().map((entry) => ({ version: entry.version, updatedAt: entry.updatedAt.toISOString(), updatedBy: entry.updatedBy })),
  };
}
