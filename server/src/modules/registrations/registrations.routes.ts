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

const target = (ctx: RouteContext, id: string, detail?: string) => {
  ctx.state.auditTarget = { type: 'registration', id, detail };
};

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
    handler: (ctx, { params }) => {
      target(ctx, params.id);
      return ctx.services.registrations.reveal(ctx.state.staff!, params.id);
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
    handler: (ctx, { params, body }) => {
      target(ctx, params.id);
      return ctx.services.registrations.accept(ctx.state.staff!, params.id, body.note);
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
    handler: (ctx, { params, body }) => {
      target(ctx, params.id, body.visit.date);
      return ctx.services.registrations.verify(ctx.state.staff!, params.id, body.visit);
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
    handler: (ctx, { params, body }) => {
      target(ctx, params.id, body.reason);
      return ctx.services.registrations.returnForCorrection(ctx.state.staff!, params.id, body.reason);
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
    handler: (ctx, { params, body }) => {
      target(ctx, params.id, body.reason);
      return ctx.services.registrations.reject(ctx.state.staff!, params.id, body.reason);
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
    handler: (ctx, { params, body }) => {
      target(ctx, params.id, body.reason);
      return ctx.services.registrations.keep(ctx.state.staff!, params.id, body.reason || undefined);
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
    handler: (ctx, { params, body }) => {
      target(ctx, params.id, body.siteId && `site ${body.siteId}`);
      return ctx.services.registrations.approve(ctx.state.staff!, params.id, body);
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
    handler: (ctx, { params, body }) => {
      target(ctx, params.id);
      return ctx.services.registrations.addNote(ctx.state.staff!, params.id, body.text);
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
    handler: (ctx, { params, body }) => {
      target(ctx, params.id, body.raisedBy);
      return ctx.services.registrations.recordObjection(ctx.state.staff!, params.id, body);
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
    handler: (ctx, { params, body }) => {
      target(ctx, params.id, `${params.objectionId} ${body.outcome}`);
      return ctx.services.registrations.resolveObjection(ctx.state.staff!, params.id, params.objectionId, body);
    },
  }),
];
