import { defineRoute } from '../../routing/define-route';
import { RELOCATION_STAFF_ROLES } from '@anqian/shared';

export const dashboardRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/dashboard/registrations',
    summary: '搬迁登记统计（本辖区：按状态、乡镇、意愿、安置方式；安置点入住情况）',
    tag: 'dashboard',
    access: { kind: 'staff', roles: RELOCATION_STAFF_ROLES },
    handler: (ctx) => ctx.services.dashboard.registrations(ctx.state.staff!),
  }),
];
