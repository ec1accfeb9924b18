import { Schema, type Connection, type Types } from 'mongoose';
import type { SubsidyRules } from '@anqian/shared';

/**
 * Subsidy rule sets: a handful per county, so they are read whole and kept in memory. The rule
 * items are stored as the shared schema validated them (`Mixed`), optional items absent.
 */
const ruleFields = {
  housing: { type: Schema.Types.Mixed, required: true },
  householdBase: { type: Schema.Types.Mixed, default: undefined },
  specialStatus: { type: Schema.Types.Mixed, default: () => ({}) },
  demolition: { type: Schema.Types.Mixed, default: undefined },
  earlyMove: { type: Schema.Types.Mixed, default: undefined },
  householdCap: { type: Schema.Types.Mixed, default: undefined },
};

const periodFields = {
  name: { type: String, required: true },
  effectiveFrom: { type: String, required: true },
  effectiveTo: { type: String, required: true },
  version: { type: Number, required: true },
  updatedAt: { type: Date, required: true },
  updatedBy: { type: String, required: true },
};

const ruleSetSchema = new Schema(
  {
    ...ruleFields,
    ...periodFields,
    /** Earlier versions, oldest first. */
    history: { type: [new Schema({ version: Number, updatedAt: Date, updatedBy: String }, { _id: false })], default: [] },
  },
  { collection: 'subsidy_rule_sets', versionKey: false, minimize: false },
);

/** Each earlier version under `"<ruleSetId>:<version>"`. */
const ruleSetVersionSchema = new Schema(
  { _id: { type: String, required: true }, ruleSetId: { type: String, required: true }, ...ruleFields, ...periodFields },
  { collection: 'subsidy_rule_set_versions', versionKey: false, minimize: false },
);

/** One document while a rule-set save runs (see subsidies.service `withWriteLock`). */
const writeLockSchema = new Schema(
  { _id: { type: String, required: true }, holder: { type: String, required: true }, expiresAt: { type: Date, required: true } },
  { collection: 'subsidy_rule_set_locks', versionKey: false },
);

type Period = { name: string; effectiveFrom: string; effectiveTo: string; version: number; updatedAt: Date; updatedBy: string };
export type RuleSetRecord = SubsidyRules & Period & { _id: Types.ObjectId; history: { version: number; updatedAt: Date; updatedBy: string }[] };
export type RuleSetVersionRecord = SubsidyRules & Period & { _id: string; ruleSetId: string };

export const subsidyModels = (connection: Connection) => ({
  RuleSet: connection.model('SubsidyRuleSet', ruleSetSchema),
  RuleSetVersion: connection.model('SubsidyRuleSetVersion', ruleSetVersionSchema),
  WriteLock: connection.model('SubsidyRuleSetLock', writeLockSchema),
});
