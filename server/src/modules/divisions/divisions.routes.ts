import { defineRoute } from '../../routing/define-route';

export const divisionRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/divisions',
    summary: '本县行政区划树（县—乡镇—村）',
    tag: 'divisions',
    access: { kind: 'public' },
    handler: (ctx) => ctx.services.divisions.tree(),
  }),
];
