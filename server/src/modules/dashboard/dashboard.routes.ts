import { defineRoute } from '../../routing/define-route';
import { RELOCATION_STAFF_ROLES, STAFF_ROLES } from '@anqian/shared';

export const dashboardRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/dashboard/registrations',
    summary: '搬迁登记统计（本辖区：按状态、乡镇、意愿、安置方式；安置点入住情况；搬迁户劳动力就业率和各乡镇零就业家庭数）',
    tag: 'dashboard',
    access: { kind: 'staff', roles: RELOCATION_STAFF_ROLES },
    handler: (ctx) => ctx.services.dashboard.registrations(ctx.state.staff!),
  }),
  defineRoute({
    method: 'get',
    path: '/api/dashboard/training',
    summary: '技能培训统计（全县：培训人数、结业率、各类别培训后就业人数）',
    tag: 'dashboard',
    access: { kind: 'staff', roles: STAFF_ROLES },
    handler: (ctx) => ctx.services.training.dashboard(),
  }),
];
