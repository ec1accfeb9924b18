import { idParamsSchema, resubmitRegistrationBodySchema, submitRegistrationBodySchema } from '@anqian/shared';
import { defineRoute, type RouteContext } from '../../routing/define-route';

const resident = { kind: 'resident' } as const;
const consenting = { kind: 'resident', consent: 'personal' } as const;
/** Registration writes hold ID numbers: they need the separate sensitive-information consent too. */
const sensitiveConsenting = { kind: 'resident', consent: 'sensitive' } as const;

/** Household files hold ID numbers: writing one needs the separate sensitive-information consent. */
/** The linked village cadre; also named as the actor of the audit record, since the write is theirs. */
async function cadre(ctx: RouteContext) {
  const actor = await ctx.services.residents.cadreActor(ctx.state.residentId!);
  ctx.state.staff = actor;
  return actor;
}

/** 201 when this call created the registration, 200 when the same key had already done so. */
function answer(ctx: RouteContext, result: { registration: unknown; created: boolean }) {
  ctx.status = result.created ? 201 : 200;
  return result.registration;
}

export const residentRegistrationRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/resident/registrations',
    summary: '提交搬迁意愿登记（同一提交凭证重复提交返回同一登记）',
    tag: 'registrations',
    access: sensitiveConsenting,
    body: submitRegistrationBodySchema,
    rateLimitPerMinute: 20,
    handler: async (ctx, { body }) => answer(ctx, await ctx.services.registrations.submitAsResident(ctx.state.residentId!, body)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/registrations',
    summary: '我的登记',
    tag: 'registrations',
    access: resident,
    handler: (ctx) => ctx.services.registrations.listOwn(ctx.state.residentId!),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/registrations/:id',
    summary: '我的登记详情',
    tag: 'registrations',
    access: resident,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.registrations.getOwn(ctx.state.residentId!, params.id),
  }),
  defineRoute({
    method: 'put',
    path: '/api/resident/registrations/:id',
    summary: '按退回原因修改后重新提交',
    tag: 'registrations',
    access: sensitiveConsenting,
    params: idParamsSchema,
    body: resubmitRegistrationBodySchema,
    rateLimitPerMinute: 20,
    handler: async (ctx, { params, body }) => ctx.services.registrations.resubmit(ctx.state.residentId!, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/resident/registrations/:id/withdraw',
    summary: '撤回登记（受理前）',
    tag: 'registrations',
    access: resident,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.registrations.withdraw(ctx.state.residentId!, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/resident/cadre/registrations',
    summary: '村干部代本村农户登记',
    tag: 'registrations',
    access: consenting,
    body: submitRegistrationBodySchema,
    audit: 'registration.cadre-submit',
    rateLimitPerMinute: 30,
    handler: async (ctx, { body }) => {
      const actor = await cadre(ctx);
      ctx.state.auditTarget = { type: 'registration', name: `${body.household.head.name}户` };
      const result = await ctx.services.registrations.submitAsCadre(actor, ctx.state.residentId!, body);
      ctx.state.auditTarget.id = result.registration.id;
      return answer(ctx, result);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/cadre/registrations',
    summary: '村干部代填的登记',
    tag: 'registrations',
    access: resident,
    handler: async (ctx) => ctx.services.registrations.listEnteredBy(await cadre(ctx)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/cadre/registrations/:id',
    summary: '村干部代填的一条登记',
    tag: 'registrations',
    access: resident,
    params: idParamsSchema,
    handler: async (ctx, { params }) => ctx.services.registrations.getEnteredBy(await cadre(ctx), params.id),
  }),
  defineRoute({
    method: 'put',
    path: '/api/resident/cadre/registrations/:id',
    summary: '村干部按退回原因修改自己代填的登记后重新提交',
    tag: 'registrations',
    access: consenting,
    params: idParamsSchema,
    body: resubmitRegistrationBodySchema,
    audit: 'registration.cadre-resubmit',
    rateLimitPerMinute: 20,
    handler: async (ctx, { params, body }) => {
      const actor = await cadre(ctx);
      ctx.state.auditTarget = { type: 'registration', id: params.id, name: `${body.household.head.name}户` };
      return ctx.services.registrations.resubmitAsCadre(actor, ctx.state.residentId!, params.id, body);
    },
  }),
];
