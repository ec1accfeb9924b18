import { STAFF_ROLES, changePasswordBodySchema, loginBodySchema } from '@anqian/shared';
import { STAFF_SESSION_COOKIE } from '../../middleware/auth';
import { defineRoute, type RouteContext } from '../../routing/define-route';

const anyStaff = { kind: 'staff', roles: STAFF_ROLES, duringPasswordChange: true } as const;

function setSessionCookie(ctx: RouteContext, token: string | null) {
  ctx.cookies.set(STAFF_SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.env === 'production',
    path: '/',
    overwrite: true,
  });
}

export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/auth/login',
    summary: '工作人员登录',
    tag: 'auth',
    access: { kind: 'public' },
    body: loginBodySchema,
    rateLimitPerMinute: 20,
    handler: async (ctx, { body }) => {
      const { token, session } = await ctx.services.staffAuth.login(body.username, body.password, ctx.ip);
      setSessionCookie(ctx, token);
      return session;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/auth/me',
    summary: '当前登录的工作人员',
    tag: 'auth',
    access: anyStaff,
    handler: (ctx) => ctx.services.staffAuth.me(ctx.state.staff!, ctx.state.staffSession!.csrfToken),
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/logout',
    summary: '退出登录（服务端立即失效）',
    tag: 'auth',
    access: anyStaff,
    audit: 'auth.logout',
    handler: async (ctx) => {
      await ctx.services.staffAuth.logout(ctx.state.staffSession!.id);
      setSessionCookie(ctx, null);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/change-password',
    summary: '修改自己的密码',
    tag: 'auth',
    access: anyStaff,
    body: changePasswordBodySchema,
    audit: 'auth.change-password',
    rateLimitPerMinute: 10,
    handler: async (ctx, { body }) => {
      ctx.state.auditTarget = { type: 'staff', id: ctx.state.staff!.id };
      const { token, session } = await ctx.services.staffAuth.changePassword(ctx.state.staff!, body.currentPassword, body.newPassword, ctx.ip);
      setSessionCookie(ctx, token);
      return session;
    },
  }),
];
