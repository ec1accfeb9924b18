import { defineRoute } from '../../routing/define-route';

export const healthRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/health',
    summary: '进程与数据库状态',
    tag: 'health',
    access: { kind: 'public' },
    handler: async (ctx) => {
      const db = await ctx.services.health.database();
      ctx.status = db.status === 'up' ? 200 : 503;
      return {
        status: db.status === 'up' ? 'ok' : 'degraded',
        uptimeSeconds: Math.round(process.uptime()),
        memoryRssMb: Math.round(process.memoryUsage().rss / 1048576),
        database: db,
      };
    },
  }),
];
