import {
  EMPLOYMENT_STATUS_LABELS,
  exportEmploymentQuerySchema,
  householdMemberParamsSchema,
  idParamsSchema,
  listEmploymentQuerySchema,
  setMemberStatusBodySchema,
  STAFF_ROLES,
} from '@anqian/shared';
import { receiveFile } from '../../middleware/multipart';
import { defineRoute } from '../../routing/define-route';

/** Every staff role reads the ledger of its area; the county admin only reads. */
const readers = { kind: 'staff', roles: STAFF_ROLES } as const;
/** Township staff and village cadres for their own area, the human-resources bureau county-wide. */
const writers = { kind: 'staff', roles: ['township_staff', 'village_cadre', 'hr_staff'] } as const;

/** Fixed paths (/export, /import, /zero-employment) come before /api/employment/households/:id. */
export const employmentRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/employment/households',
    summary: '就业台账：本辖区审批通过的搬迁户及其劳动年龄成员的就业状态（按乡镇/村、状态、零就业、姓名筛选）',
    tag: 'employment',
    access: readers,
    query: listEmploymentQuerySchema,
    handler: (ctx, { query }) => ctx.services.employment.list(ctx.state.staff!, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/employment/zero-employment',
    summary: '零就业家庭：有劳动能力的劳动年龄成员都未就业的户，按乡镇和村统计，并分页列出',
    tag: 'employment',
    access: readers,
    query: listEmploymentQuerySchema,
    handler: (ctx, { query }) => ctx.services.employment.zeroEmployment(ctx.state.staff!, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/employment/dashboard',
    summary: '就业统计（本辖区）：搬迁户劳动年龄、有劳动能力人数、已就业人数、就业率，各乡镇零就业家庭数',
    tag: 'employment',
    access: readers,
    handler: (ctx) => ctx.services.employment.dashboard(ctx.state.staff!),
  }),
  defineRoute({
    method: 'get',
    path: '/api/employment/export',
    summary: '导出就业台账（.xlsx，每位劳动年龄成员一行，筛选条件同列表；full=true 导出完整身份证号，需导出权限，可填写后导入；记入审计）',
    tag: 'employment',
    access: readers,
    query: exportEmploymentQuerySchema,
    audit: 'employment.export',
    handler: async (ctx, { query }) => {
      const { full, ...filter } = query;
      ctx.state.auditTarget = { type: 'employment-household' };
      const { filename, content, rows } = await ctx.services.employmentSheets.export(ctx.state.staff!, filter, full);
      const used = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== ''));
      ctx.state.auditTarget.detail = JSON.stringify({ rows, full, filter: used });
      ctx.attachment(filename, { fallback: 'employment.xlsx' });
      return content;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/employment/import',
    summary: '导入就业状态（multipart 字段 file，.xlsx ≤ 5 MB；按身份证号匹配本辖区台账中的成员；逐行返回结果，有问题的行不导入）',
    tag: 'employment',
    access: writers,
    audit: 'employment.import',
    handler: async (ctx) => {
      ctx.state.auditTarget = { type: 'employment-household' };
      const file = await receiveFile(ctx, ctx.services.employmentSheets.receiveOptions);
      const report = await ctx.services.employmentSheets.import(ctx.state.staff!, file);
      ctx.state.auditTarget.detail = JSON.stringify({ fileName: file.filename, total: report.total, applied: report.applied, failed: report.failed });
      return report;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/employment/households/:id',
    summary: '一户的就业情况（含每位成员的状态历史）',
    tag: 'employment',
    access: readers,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.employment.get(ctx.state.staff!, params.id),
  }),
  defineRoute({
    method: 'put',
    path: '/api/employment/households/:id/members/:memberKey',
    summary: '登记一位劳动年龄成员的就业状态（乡镇、村只能改本辖区；日期不能晚于今天）',
    tag: 'employment',
    access: writers,
    params: householdMemberParamsSchema,
    body: setMemberStatusBodySchema,
    audit: 'employment.update',
    handler: async (ctx, { params, body }) => {
      ctx.state.auditTarget = { type: 'employment-household', id: params.id };
      const { before, after } = await ctx.services.employment.setStatus(ctx.state.staff!, params.id, params.memberKey, body);
      const was = before.members.find((member) => member.key === params.memberKey)!;
      const now = after.members.find((member) => member.key === params.memberKey)!;
      const label = (member: typeof was) => (member.status ? `${EMPLOYMENT_STATUS_LABELS[member.status]}（${member.statusDate}）` : '未登记');
      Object.assign(ctx.state.auditTarget, { name: `${after.headName}户：${now.name}`, changes: [{ field: '就业状态', before: label(was), after: label(now) }] });
      return after;
    },
  }),
];
