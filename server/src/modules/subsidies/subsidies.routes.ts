import {
  AREA_OFFICE_ROLES,
  type AuditChange,
  type StaffSubsidyRuleSet,
  type SubsidyRules,
  subsidyRulesSchema,
  COUNTY_ADMIN_ROLES,
  idParamsSchema,
  RELOCATION_STAFF_ROLES,
  subsidyInputSchema,
  subsidyRuleSetBodySchema,
  subsidyRuleSetVersionParamsSchema,
  updateSubsidyRuleSetBodySchema,
} from '@anqian/shared';
import { defineRoute, type RouteContext } from '../../routing/define-route';
import { changesBetween } from '../audit/audit-changes';

const readers = { kind: 'staff', roles: AREA_OFFICE_ROLES } as const;
const countyAdmin = { kind: 'staff', roles: COUNTY_ADMIN_ROLES } as const;

const target = (ctx: RouteContext, id?: string, detail?: string) => {
  ctx.state.auditTarget = { type: 'subsidy-rule-set', id, detail };
};

const RULE_SET_AUDIT_FIELDS = { name: { label: '名称' }, effectiveFrom: { label: '执行开始日期' }, effectiveTo: { label: '执行截止日期' } };

/** Name and period as fields; the amounts and conditions by the versions that hold them, both readable in the console. */
function ruleSetChanges(before: StaffSubsidyRuleSet, after: StaffSubsidyRuleSet): AuditChange[] {
  const rulesOf = (ruleSet: StaffSubsidyRuleSet) => JSON.stringify(Object.keys(subsidyRulesSchema.shape).map((key) => ruleSet[key as keyof SubsidyRules]));
  const changes = changesBetween(before, after, RULE_SET_AUDIT_FIELDS);
  if (rulesOf(before) !== rulesOf(after)) {
    changes.push({ field: '补助金额与条件', before: `见第 ${before.version} 版`, after: `见第 ${after.version} 版` });
  }
  return changes;
}

export const subsidyRoutes = [
  // A fixed path: it must come before /api/subsidy-rule-sets/:id.
  defineRoute({
    method: 'get',
    path: '/api/subsidy-rule-sets/current',
    summary: '当前生效的补助标准（小程序离线测算用）',
    tag: 'subsidies',
    access: { kind: 'public' },
    handler: (ctx) => ctx.services.subsidies.current(),
  }),
  defineRoute({
    method: 'post',
    path: '/api/subsidy-estimate',
    summary: '按当前补助标准测算（与小程序同一计算）',
    tag: 'subsidies',
    access: { kind: 'public' },
    body: subsidyInputSchema,
    rateLimitPerMinute: 120,
    successStatus: 200,
    handler: (ctx, { body }) => ctx.services.subsidies.estimate(body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/subsidy-rule-sets',
    summary: '补助标准列表（执行期从新到旧）',
    tag: 'subsidies',
    access: readers,
    handler: (ctx) => ctx.services.subsidies.list(),
  }),
  defineRoute({
    method: 'post',
    path: '/api/subsidy-rule-sets',
    summary: '新建补助标准（执行期不能与已有标准重叠）',
    tag: 'subsidies',
    access: countyAdmin,
    body: subsidyRuleSetBodySchema,
    audit: 'subsidy-rule-set.create',
    successStatus: 201,
    handler: async (ctx, { body }) => {
      target(ctx, undefined, `执行期 ${body.effectiveFrom} 至 ${body.effectiveTo}`);
      ctx.state.auditTarget!.name = body.name;
      const ruleSet = await ctx.services.subsidies.create(ctx.state.staff!, body);
      ctx.state.auditTarget!.id = ruleSet.id;
      return ruleSet;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/subsidy-rule-sets/:id',
    summary: '补助标准详情（含历史版本）',
    tag: 'subsidies',
    access: readers,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.subsidies.get(params.id),
  }),
  defineRoute({
    method: 'put',
    path: '/api/subsidy-rule-sets/:id',
    summary: '修改补助标准（整体替换；expectedVersion 不符时 409）',
    tag: 'subsidies',
    access: countyAdmin,
    params: idParamsSchema,
    body: updateSubsidyRuleSetBodySchema,
    audit: 'subsidy-rule-set.update',
    handler: async (ctx, { params, body }) => {
      target(ctx, params.id);
      const before = await ctx.services.subsidies.get(params.id);
      ctx.state.auditTarget!.name = before.name;
      const after = await ctx.services.subsidies.update(ctx.state.staff!, params.id, body);
      Object.assign(ctx.state.auditTarget!, { name: after.name, detail: `保存为第 ${after.version} 版`, changes: ruleSetChanges(before, after) });
      return after;
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/subsidy-rule-sets/:id',
    summary: '删除尚未开始执行的补助标准',
    tag: 'subsidies',
    access: countyAdmin,
    params: idParamsSchema,
    audit: 'subsidy-rule-set.delete',
    handler: async (ctx, { params }) => {
      target(ctx, params.id);
      ctx.state.auditTarget!.name = (await ctx.services.subsidies.get(params.id)).name;
      await ctx.services.subsidies.remove(params.id);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/subsidy-rule-sets/:id/versions/:version',
    summary: '补助标准的某一版本',
    tag: 'subsidies',
    access: readers,
    params: subsidyRuleSetVersionParamsSchema,
    handler: (ctx, { params }) => ctx.services.subsidies.version(params.id, params.version),
  }),
  defineRoute({
    method: 'get',
    path: '/api/registrations/:id/subsidy',
    summary: '登记的补助测算（审批后为审批时固定的金额）',
    tag: 'subsidies',
    access: { kind: 'staff', roles: RELOCATION_STAFF_ROLES },
    params: idParamsSchema,
    handler: async (ctx, { params }) =>
      ctx.services.subsidies.forRegistration(await ctx.services.registrations.subsidyBasis({ kind: 'staff', actor: ctx.state.staff! }, params.id)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/registrations/:id/subsidy',
    summary: '我的登记的补助测算（审批后为固定金额）',
    tag: 'subsidies',
    access: { kind: 'resident' },
    params: idParamsSchema,
    handler: async (ctx, { params }) =>
      ctx.services.subsidies.forRegistration(await ctx.services.registrations.subsidyBasis({ kind: 'resident', id: ctx.state.residentId! }, params.id)),
  }),
];
