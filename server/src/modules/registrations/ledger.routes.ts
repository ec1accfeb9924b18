import { z } from 'zod';
import { registrationFilterSchema } from '@anqian/shared';
import { receiveFile } from '../../middleware/multipart';
import { defineRoute } from '../../routing/define-route';

const ledgerStaff = { kind: 'staff', roles: ['county_admin', 'township_staff'] } as const;

const exportQuerySchema = registrationFilterSchema.extend({
  /** Full ID numbers and phones instead of masked ones; needs the export permission. */
  full: z
    .enum(['true', 'false'], 'full 应为 true 或 false')
    .optional()
    .transform((value) => value === 'true'),
});

/** Before `/api/registrations/:id` in the table, which would take these paths for an id. */
export const ledgerRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/registrations/export',
    summary: '导出搬迁登记台账（.xlsx，筛选条件同列表；full=true 导出完整身份证号和手机号，需导出权限；记入审计）',
    tag: 'registrations',
    access: ledgerStaff,
    scope: 'division',
    query: exportQuerySchema,
    handler: async (ctx, { query }) => {
      const { full, ...filter } = query;
      const { filename, stream } = await ctx.services.ledgerExport.exportLedger({ actor: ctx.state.staff!, filter, full, ip: ctx.ip, log: ctx.state.log });
      ctx.attachment(filename, { fallback: 'registrations.xlsx' });
      return stream;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/registrations/import-template',
    summary: '台账导入模板（.xlsx：表头、示例行和填写说明）',
    tag: 'registrations',
    access: ledgerStaff,
    scope: 'none',
    handler: async (ctx) => {
      const { filename, content } = await ctx.services.ledgerImport.template();
      ctx.attachment(filename, { fallback: 'registration-import-template.xlsx' });
      return content;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/registrations/import',
    summary: '导入搬迁登记台账（multipart 字段 file，.xlsx ≤ 10 MB；返回每行的导入结果）',
    tag: 'registrations',
    access: ledgerStaff,
    scope: 'division',
    audit: 'registration.import',
    handler: async (ctx) => {
      ctx.state.auditTarget = { type: 'registration' };
      const file = await receiveFile(ctx, ctx.services.ledgerImport.receiveOptions);
      const report = await ctx.services.ledgerImport.importLedger(ctx.state.staff!, file);
      const detail = { rows: report.totalRows, imported: report.imported, duplicates: report.duplicates.length, rejected: report.rejected.length };
      ctx.state.auditTarget = { type: 'registration', detail: JSON.stringify(detail) };
      return report;
    },
  }),
];
