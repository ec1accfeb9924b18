import {
  acceptBodySchema,
  approveBodySchema,
  AREA_OFFICE_ROLES,
  idParamsSchema,
  internalNoteBodySchema,
  keepRegistrationBodySchema,
  listRegistrationsQuerySchema,
  objectionBodySchema,
  objectionParamsSchema,
  reasonBodySchema,
  type RegistrationAction,
  type RegistrationDetail,
  REGISTRATION_STATUS_LABELS,
  HAZARD_CHECK_LABELS,
  HOUSE_CHECK_LABELS,
  RELOCATION_STAFF_ROLES,
  resolveObjectionBodySchema,
  STAFF_ROLES,
  statusesAllowing,
  verifyBodySchema,
} from '@anqian/shared';
import { defineRoute, type RouteContext } from '../../routing/define-route';

const readers = { kind: 'staff', roles: RELOCATION_STAFF_ROLES } as const;
const handlers = { kind: 'staff', roles: AREA_OFFICE_ROLES } as const;

/** The staff roles the workflow lets take `action` at all; the machine decides the rest per status. */
const rolesFor = (action: Exclude<RegistrationAction, 'submit'>) => ({
  kind: 'staff' as const,
  roles: STAFF_ROLES.filter((role) => statusesAllowing(action, role).length > 0),
});

const OBJECTION_OUTCOME_LABELS = { dismissed: '不予采纳', upheld: '异议成立' } as const;

const target = (ctx: RouteContext, id: string, detail?: string) => {
  ctx.state.auditTarget = { type: 'registration', id, detail };
};

/**
 * What the audit log shows of a successful action: the household by its head's name and, for a
 * step of the workflow, the status it moved between (plus the site an approval assigned).
 */
function outcome(ctx: RouteContext, detail: RegistrationDetail, step?: Exclude<RegistrationAction, 'submit'>): RegistrationDetail {
  const audit = ctx.state.auditTarget!;
  audit.name = `${detail.headName}户`;
  const last = detail.timeline.at(-1);
  if (step && last?.action === step) {
    audit.changes = [{ field: '状态', before: last.from ? REGISTRATION_STATUS_LABELS[last.from] : '', after: REGISTRATION_STATUS_LABELS[last.to] }];
    if (step === 'approve' && detail.assignedSite) audit.changes.push({ field: '安置点', before: '', after: detail.assignedSite.name });
  }
  return detail;
}

export const registrationRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/registrations',
    summary: '登记列表（含各状态数量）',
    tag: 'registrations',
    access: readers,
    query: listRegistrationsQuerySchema,
    handler: (ctx, { query }) => ctx.services.registrations.list(ctx.state.staff!, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/registrations/:id',
    summary: '登记详情',
    tag: 'registrations',
    access: readers,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.registrations.get(ctx.state.staff!, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/registrations/:id/reveal',
    summary: '查看完整身份证号和手机号（记录审计）',
    tag: 'registrations',
    access: handlers,
    params: idParamsSchema,
    audit: 'registration.reveal',
    handler: async (ctx, { params }) => {
      target(ctx, params.id);
      const revealed = await ctx.services.registrations.reveal(ctx.state.staff!, params.id);
      ctx.state.auditTarget!.name = `${revealed.head.name}户`;
      return revealed;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/registrations/:id/accept',
    summary: '受理',
    tag: 'registrations',
    access: rolesFor('accept'),
    params: idParamsSchema,
    body: acceptBodySchema,
    audit: 'registration.accept',
    handler: async (ctx, { params, body }) => {
      target(ctx, params.id, body.note);
      return outcome(ctx, await ctx.services.registrations.accept(ctx.state.staff!, params.id, body.note), 'accept');
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/registrations/:id/verify',
    summary: '入户核实',
    tag: 'registrations',
    access: rolesFor('verify'),
    params: idParamsSchema,
    body: verifyBodySchema,
    audit: 'registration.verify',
    handler: async (ctx, { params, body }) => {
      const { visit } = body;
      target(ctx, params.id, `${visit.date} 核实：房屋结构${HOUSE_CHECK_LABELS[visit.houseStructure]}，${HAZARD_CHECK_LABELS[visit.hazard]}，照片 ${visit.photoIds.length} 张`);
      return outcome(ctx, await ctx.services.registrations.verify(ctx.state.staff!, params.id, visit), 'verify');
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/registrations/:id/return',
    summary: '退回补正（原因居民可见）',
    tag: 'registrations',
    access: rolesFor('return'),
    params: idParamsSchema,
    body: reasonBodySchema,
    audit: 'registration.return',
    handler: async (ctx, { params, body }) => {
      target(ctx, params.id, body.reason);
      return outcome(ctx, await ctx.services.registrations.returnForCorrection(ctx.state.staff!, params.id, body.reason), 'return');
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/registrations/:id/reject',
    summary: '不予通过（原因居民可见）',
    tag: 'registrations',
    access: rolesFor('reject'),
    params: idParamsSchema,
    body: reasonBodySchema,
    audit: 'registration.reject',
    handler: async (ctx, { params, body }) => {
      target(ctx, params.id, body.reason);
      return outcome(ctx, await ctx.services.registrations.reject(ctx.state.staff!, params.id, body.reason), 'reject');
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/registrations/:id/keep',
    summary: '同户多次登记：保留这一份，辖区内同户的其他在办登记不再办理（说明居民可见）',
    tag: 'registrations',
    access: rolesFor('dismissDuplicate'),
    params: idParamsSchema,
    body: keepRegistrationBodySchema,
    audit: 'registration.keep',
    handler: async (ctx, { params, body }) => {
      target(ctx, params.id, body.reason);
      return outcome(ctx, await ctx.services.registrations.keep(ctx.state.staff!, params.id, body.reason || undefined));
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/registrations/:id/approve',
    summary: '审批通过（公示期满、无未处理异议；集中安置须指定安置点）',
    tag: 'registrations',
    access: rolesFor('approve'),
    params: idParamsSchema,
    body: approveBodySchema,
    audit: 'registration.approve',
    handler: async (ctx, { params, body }) => {
      target(ctx, params.id, body.note);
      return outcome(ctx, await ctx.services.registrations.approve(ctx.state.staff!, params.id, body), 'approve');
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/registrations/:id/notes',
    summary: '添加内部备注（居民不可见）',
    tag: 'registrations',
    access: readers,
    params: idParamsSchema,
    body: internalNoteBodySchema,
    audit: 'registration.note',
    handler: async (ctx, { params, body }) => {
      target(ctx, params.id);
      return outcome(ctx, await ctx.services.registrations.addNote(ctx.state.staff!, params.id, body.text));
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/registrations/:id/objections',
    summary: '记录公示异议（仅公示期间）',
    tag: 'registrations',
    access: handlers,
    params: idParamsSchema,
    body: objectionBodySchema,
    audit: 'registration.objection',
    handler: async (ctx, { params, body }) => {
      target(ctx, params.id, `异议人：${body.raisedBy}`);
      return outcome(ctx, await ctx.services.registrations.recordObjection(ctx.state.staff!, params.id, body));
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/registrations/:id/objections/:objectionId/resolve',
    summary: '处理公示异议（不予采纳 / 异议成立）',
    tag: 'registrations',
    access: handlers,
    params: objectionParamsSchema,
    body: resolveObjectionBodySchema,
    audit: 'registration.objection-resolve',
    handler: async (ctx, { params, body }) => {
      target(ctx, params.id, `${OBJECTION_OUTCOME_LABELS[body.outcome]}：${body.resolution}`);
      const detail = await ctx.services.registrations.resolveObjection(ctx.state.staff!, params.id, params.objectionId, body);
      const objection = detail.objections.find((candidate) => candidate.id === params.objectionId);
      if (objection) ctx.state.auditTarget!.changes = [{ field: `${objection.raisedBy}的异议`, before: '待处理', after: OBJECTION_OUTCOME_LABELS[body.outcome] }];
      return outcome(ctx, detail);
    },
  }),
];
