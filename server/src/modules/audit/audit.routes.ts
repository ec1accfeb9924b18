import { COUNTY_ADMIN_ROLES, listAuditQuerySchema } from '@anqian/shared';
import { defineRoute } from '../../routing/define-route';

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/audit-logs',
    summary: '查询审计日志',
    tag: 'audit',
    access: { kind: 'staff', roles: COUNTY_ADMIN_ROLES },
    query: listAuditQuerySchema,
    handler: (ctx, { query }) => ctx.services.audit.list(query),
  }),
];
