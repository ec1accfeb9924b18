import { subscriptionGrantBodySchema } from '@anqian/shared';
import { defineRoute } from '../../routing/define-route';

export const notificationRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/resident/subscribe-templates',
    summary: '订阅消息模板编号（小程序调用 requestSubscribeMessage 时使用）',
    tag: 'notifications',
    access: { kind: 'resident' },
    handler: (ctx) => ctx.services.notifications.templateIds(),
  }),
  defineRoute({
    method: 'post',
    path: '/api/resident/subscriptions',
    summary: '记录居民同意的一次性订阅消息（每次同意可发送一条）',
    tag: 'notifications',
    access: { kind: 'resident', consent: 'personal' },
    body: subscriptionGrantBodySchema,
    rateLimitPerMinute: 60,
    handler: async (ctx, { body }) => {
      await ctx.services.notifications.grant(ctx.state.residentId!, body.accepted);
    },
  }),
];
