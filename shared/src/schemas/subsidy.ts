import { z } from 'zod';
import { objectIdSchema } from './common';
import { MAX_MEMBERS, SPECIAL_STATUSES, type SpecialStatus } from './household';
import { dateOnlySchema, RESETTLEMENT_TYPES, type ResettlementType } from './registration';

/**
 * Subsidy standards (补助标准): one rule set per period, set by the county admin. Money is integer
 * fen throughout; the editor shows yuan and converts with `yuanToFen`. Every item cites the policy
 * document it comes from, which residents can open.
 */

/** 1,000,000 元: far above any real item, low enough that area × rate stays an exact integer. */
export const MAX_SUBSIDY_FEN = 100_000_000;

const fenSchema = (label: string) =>
  z.number(`请输入${label}（数字）`).int(`${label}应精确到分`).min(0, `${label}不能为负数`).max(MAX_SUBSIDY_FEN, `${label}太大`);

const citation = {
  /** A published (or since archived) policy document; the server checks it exists. */
  policyId: objectIdSchema,
  /** Shown beside the line item, e.g. "武府发〔2026〕12号 第三条". */
  source: z.string('请填写依据条款').trim().min(2, '请填写依据条款').max(60, '依据条款最多 60 个字'),
};

const perPersonItemSchema = z.object({ perPersonFen: fenSchema('每人补助'), ...citation });

export const subsidyRulesSchema = z.object({
  /** Per person, by resettlement type: everyone in the household, head included. */
  housing: z.object({
    perPersonFen: z.object({
      centralized: fenSchema('集中安置每人补助'),
      scattered: fenSchema('分散安置每人补助'),
      urban: fenSchema('进城安置每人补助'),
      relatives: fenSchema('投亲靠友每人补助'),
    } satisfies Record<ResettlementType, z.ZodType>),
    ...citation,
  }),
  /** Once per household. Absent items grant nothing. */
  householdBase: z.object({ amountFen: fenSchema('每户基础补助'), ...citation }).optional(),
  /** Per person with the status; a person with two statuses counts for both. */
  specialStatus: z
    .object({
      dibao: perPersonItemSchema.optional(),
      tekun: perPersonItemSchema.optional(),
      disabled: perPersonItemSchema.optional(),
    } satisfies Record<SpecialStatus, z.ZodType>)
    .default({}),
  /** 拆旧复垦: per m² of the old house's floor area, when demolished on or before the deadline; capped. */
  demolition: z
    .object({
      perSquareMetreFen: fenSchema('每平方米奖励'),
      capFen: fenSchema('拆旧复垦奖励上限'),
      deadline: dateOnlySchema,
      ...citation,
    })
    .optional(),
  /** Once per household that moves on or before the deadline. */
  earlyMove: z.object({ amountFen: fenSchema('提前搬迁奖励'), deadline: dateOnlySchema, ...citation }).optional(),
  /** The most one household can receive in total. */
  householdCap: z.object({ capFen: fenSchema('每户补助上限'), ...citation }).optional(),
});

/** Inclusive China dates; the server refuses a period that overlaps another rule set's. */
const ruleSetFields = {
  name: z.string('请输入名称').trim().min(2, '请输入名称').max(60, '名称最多 60 个字'),
  effectiveFrom: dateOnlySchema,
  effectiveTo: dateOnlySchema,
};

function checkPeriod(body: { effectiveFrom: string; effectiveTo: string }, ctx: z.RefinementCtx) {
  if (body.effectiveTo < body.effectiveFrom) ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: '截止日期不能早于开始日期' });
}

export const subsidyRuleSetBodySchema = subsidyRulesSchema.extend(ruleSetFields).superRefine(checkPeriod);

/** A full replacement; `expectedVersion` is the version the editor loaded, so a concurrent save is not overwritten. */
export const updateSubsidyRuleSetBodySchema = subsidyRulesSchema
  .extend(ruleSetFields)
  .extend({ expectedVersion: z.number('缺少版本号').int('版本号应为整数').min(1, '版本号从 1 开始') })
  .superRefine(checkPeriod);

export const subsidyRuleSetVersionParamsSchema = z.object({
  id: objectIdSchema,
  version: z.coerce.number().int('版本号应为整数').min(1, '版本号从 1 开始'),
});

export type SubsidyRules = z.output<typeof subsidyRulesSchema>;
export type SubsidyRuleSetBody = z.input<typeof subsidyRuleSetBodySchema>;
export type UpdateSubsidyRuleSetBody = z.input<typeof updateSubsidyRuleSetBodySchema>;

/** A saved rule set. `version` starts at 1 and grows with every save; each version stays readable. */
export type SubsidyRuleSet = SubsidyRules & {
  id: string;
  name: string;
  effectiveFrom: string;
  effectiveTo: string;
  version: number;
  updatedAt: string;
};

export const RULE_SET_PHASES = ['upcoming', 'in_force', 'ended'] as const;
export type RuleSetPhase = (typeof RULE_SET_PHASES)[number];
export const RULE_SET_PHASE_LABELS: Record<RuleSetPhase, string> = { upcoming: '未开始', in_force: '执行中', ended: '已结束' };

export type SubsidyRuleSetSummary = Pick<SubsidyRuleSet, 'id' | 'name' | 'effectiveFrom' | 'effectiveTo' | 'version' | 'updatedAt'> & {
  phase: RuleSetPhase;
  updatedBy: string;
};

export type StaffSubsidyRuleSet = SubsidyRuleSet & {
  phase: RuleSetPhase;
  updatedBy: string;
  /** Earlier versions, newest first. */
  history: { version: number; updatedAt: string; updatedBy: string }[];
};

// ---------------------------------------------------------------------------------------------
// The calculator's input: a household's situation as the resident (or staff) describes it.

export const DEMOLITION_TIMINGS = ['demolished', 'planned', 'not_planned'] as const;
export type DemolitionTiming = (typeof DEMOLITION_TIMINGS)[number];
export const DEMOLITION_TIMING_LABELS: Record<DemolitionTiming, string> = {
  demolished: '已拆除',
  planned: '计划拆除',
  not_planned: '暂不拆除',
};

const floorAreaSchema = z
  .number('请输入旧房面积（数字）')
  .min(0, '旧房面积不能为负数')
  .max(2000, '旧房面积不能大于 2000 平方米')
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, '旧房面积最多保留两位小数');

export const subsidyInputSchema = z.object({
  resettlementType: z.enum(RESETTLEMENT_TYPES, '请选择安置方式'),
  /** Everyone in the household, head included; only their special statuses matter here. */
  people: z
    .array(
      z.object({
        specialStatus: z
          .array(z.enum(SPECIAL_STATUSES, '特殊情况不正确'))
          .max(SPECIAL_STATUSES.length, '特殊情况选项太多')
          .refine((list) => new Set(list).size === list.length, '特殊情况不能重复')
          .default([]),
      }),
      '家庭成员应为列表',
    )
    .min(1, '至少 1 人')
    .max(MAX_MEMBERS + 1, `一户最多 ${MAX_MEMBERS + 1} 人`),
  /** m², up to two decimals. */
  oldHouseFloorArea: floorAreaSchema,
  demolition: z.discriminatedUnion(
    'timing',
    [
      z.object({ timing: z.literal('demolished'), date: dateOnlySchema }),
      z.object({ timing: z.literal('planned'), date: dateOnlySchema }),
      z.object({ timing: z.literal('not_planned') }),
    ],
    '请选择旧房拆除情况',
  ),
  /** The actual or planned move date; absent when not yet known. */
  moveDate: dateOnlySchema.optional(),
});

export type SubsidyInput = z.output<typeof subsidyInputSchema>;

// ---------------------------------------------------------------------------------------------
// The calculator's answer.

export const SUBSIDY_LINE_KEYS = [
  'housing',
  'household_base',
  'dibao',
  'tekun',
  'disabled',
  'demolition',
  'demolition_cap',
  'early_move',
  'household_cap',
] as const;
export type SubsidyLineKey = (typeof SUBSIDY_LINE_KEYS)[number];

export type SubsidyUnit = '人' | '户' | '平方米';

/**
 * One line. For ordinary lines `subtotalFen` = quantity × unitAmountFen (rounded half-up to the fen
 * for square metres). The two cap lines (`demolition_cap`, `household_cap`) are negative: quantity 1,
 * unit 户, unitAmountFen = subtotalFen. So `totalFen` is always the plain sum of `subtotalFen`.
 */
export type SubsidyLineItem = {
  key: SubsidyLineKey;
  name: string;
  quantity: number;
  unit: SubsidyUnit;
  unitAmountFen: number;
  subtotalFen: number;
  policyId: string;
  source: string;
  note?: string;
};

export type SubsidyEstimate = {
  ruleSetId: string;
  ruleSetVersion: number;
  ruleSetName: string;
  lineItems: SubsidyLineItem[];
  totalFen: number;
  /** True when the household cap took something off. */
  capApplied: boolean;
  /** Why an item was left out or what it assumes, written for the resident. */
  notes: string[];
};

/** Fixed on the registration when it is approved; later rule changes never touch it. */
export type SubsidySnapshot = SubsidyEstimate & { input: SubsidyInput; fixedAt: string };

/**
 * What staff and the resident see for a registration: the fixed amounts once approved, otherwise
 * a live estimate (null with a reason when none can be made).
 */
export type RegistrationSubsidy =
  | { fixed: true; snapshot: SubsidySnapshot }
  | { fixed: false; estimate: SubsidyEstimate; input: SubsidyInput }
  | { fixed: false; estimate: null; reason: NoEstimateReason };

export const NO_ESTIMATE_REASONS = ['no_resettlement_type', 'no_rule_set', 'approved_without_rule_set'] as const;
export type NoEstimateReason = (typeof NO_ESTIMATE_REASONS)[number];
export const NO_ESTIMATE_REASON_LABELS: Record<NoEstimateReason, string> = {
  no_resettlement_type: '未选择安置方式，无法估算补助',
  no_rule_set: '当前没有生效的补助标准，暂时无法估算',
  approved_without_rule_set: '审批时没有生效的补助标准，补助金额待县级确定',
};
