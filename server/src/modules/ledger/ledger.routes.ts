import { z } from 'zod';
import { AREA_OFFICE_ROLES, idParamsSchema, registrationFilterSchema } from '@anqian/shared';
import { receiveFile } from '../../middleware/multipart';
import { defineRoute } from '../../routing/define-route';

const ledgerStaff = { kind: 'staff', roles: AREA_OFFICE_ROLES } as const;

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
    handler: async (ctx) => {
      const { filename, content } = await ctx.services.ledgerImport.template();
      ctx.attachment(filename, { fallback: 'registration-import-template.xlsx' });
      return content;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/registrations/import',
    summary: '导入搬迁登记台账（multipart 字段 file，.xlsx ≤ 10 MB）：文件当场校验，各行在后台导入；返回 202 和导入任务',
    tag: 'registrations',
    access: ledgerStaff,
    audit: 'registration.import',
    successStatus: 202,
    handler: async (ctx) => {
      ctx.state.auditTarget = { type: 'registration' };
      const file = await receiveFile(ctx, ctx.services.ledgerImport.receiveOptions);
      const job = await ctx.services.ledgerImport.importLedger({ actor: ctx.state.staff!, file, ip: ctx.ip, log: ctx.state.log });
      ctx.state.auditTarget = { type: 'registration', detail: JSON.stringify({ importId: job.id, fileName: job.fileName, rows: job.totalRows }) };
      return job;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/registration-imports',
    summary: '我最近的 10 次台账导入（不含逐行结果）',
    tag: 'registrations',
    access: ledgerStaff,
    handler: (ctx) => ctx.services.ledgerImport.recentJobs(ctx.state.staff!),
  }),
  defineRoute({
    method: 'get',
    path: '/api/registration-imports/:id',
    summary: '一次台账导入的进度和逐行结果（本人或其上级区划的工作人员可看）',
    tag: 'registrations',
    access: ledgerStaff,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.ledgerImport.job(ctx.state.staff!, params.id),
  }),
];
