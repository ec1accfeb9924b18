import { COUNTY_ADMIN_ROLES, createStaffBodySchema, idParamsSchema, listStaffQuerySchema, updateStaffBodySchema } from '@anqian/shared';
import { defineRoute, type RouteContext } from '../../routing/define-route';

const countyAdmin = { kind: 'staff', roles: COUNTY_ADMIN_ROLES } as const;

/** What the audit record names as the target of this write. */
const target = (ctx: RouteContext, id: string, detail?: string) => {
  ctx.state.auditTarget = { type: 'staff', id, detail };
};

export const staffRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/staff',
    summary: '工作人员账号列表',
    tag: 'staff',
    access: countyAdmin,
    query: listStaffQuerySchema,
    handler: (ctx, { query }) => ctx.services.staff.list(ctx.state.staff!, query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/staff',
    summary: '新建工作人员账号（返回一次性临时密码）',
    tag: 'staff',
    access: countyAdmin,
    body: createStaffBodySchema,
    audit: 'staff.create',
    successStatus: 201,
    handler: async (ctx, { body }) => {
      const detail = `${body.username} ${body.role} ${body.divisionCode}`;
      ctx.state.auditTarget = { type: 'staff', detail };
      const created = await ctx.services.staff.create(ctx.state.staff!, body);
      target(ctx, created.user.id, detail);
      return created;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/staff/:id',
    summary: '工作人员账号详情',
    tag: 'staff',
    access: countyAdmin,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.staff.get(ctx.state.staff!, params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/staff/:id',
    summary: '修改工作人员账号（姓名、角色、区划、手机号）',
    tag: 'staff',
    access: countyAdmin,
    params: idParamsSchema,
    body: updateStaffBodySchema,
    audit: 'staff.update',
    handler: (ctx, { params, body }) => {
      target(ctx, params.id, Object.keys(body).join(','));
      return ctx.services.staff.update(ctx.state.staff!, params.id, body);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/staff/:id/reset-password',
    summary: '重置密码（下次登录须修改）',
    tag: 'staff',
    access: countyAdmin,
    params: idParamsSchema,
    audit: 'staff.reset-password',
    handler: (ctx, { params }) => {
      target(ctx, params.id);
      return ctx.services.staff.resetPassword(ctx.state.staff!, params.id);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/staff/:id/unlock',
    summary: '解除登录锁定',
    tag: 'staff',
    access: countyAdmin,
    params: idParamsSchema,
    audit: 'staff.unlock',
    handler: (ctx, { params }) => {
      target(ctx, params.id);
      return ctx.services.staff.unlock(ctx.state.staff!, params.id);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/staff/:id/disable',
    summary: '停用账号（立即退出所有登录）',
    tag: 'staff',
    access: countyAdmin,
    params: idParamsSchema,
    audit: 'staff.disable',
    handler: (ctx, { params }) => {
      target(ctx, params.id);
      return ctx.services.staff.setStatus(ctx.state.staff!, params.id, 'disabled');
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/staff/:id/enable',
    summary: '启用账号',
    tag: 'staff',
    access: countyAdmin,
    params: idParamsSchema,
    audit: 'staff.enable',
    handler: (ctx, { params }) => {
      target(ctx, params.id);
      return ctx.services.staff.setStatus(ctx.state.staff!, params.id, 'active');
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/staff/:id/reveal-phone',
    summary: '查看完整手机号（记录审计）',
    tag: 'staff',
    access: countyAdmin,
    params: idParamsSchema,
    audit: 'staff.reveal-phone',
    handler: (ctx, { params }) => {
      target(ctx, params.id);
      return ctx.services.staff.revealPhone(ctx.state.staff!, params.id);
    },
  }),
];
