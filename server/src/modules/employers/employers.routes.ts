import {
  type Employer,
  EMPLOYER_STATUS_LABELS,
  employerBodySchema,
  HR_ROLES,
  idParamsSchema,
  listEmployersQuerySchema,
  STAFF_ROLES,
  updateEmployerBodySchema,
} from '@anqian/shared';
import { defineRoute, type RouteContext } from '../../routing/define-route';
import { changesBetween } from '../audit/audit-changes';

/** Every staff role reads the register; the human-resources bureau keeps it, county-wide. */
const readers = { kind: 'staff', roles: STAFF_ROLES } as const;
const hrStaff = { kind: 'staff', roles: HR_ROLES } as const;

type Field = Employer[keyof Employer];
const EMPLOYER_AUDIT_FIELDS = {
  name: { label: '单位名称' },
  creditCode: { label: '统一社会信用代码' },
  industry: { label: '所属行业' },
  divisionName: { label: '所在地' },
  address: { label: '地址' },
  contactName: { label: '联系人' },
  contactPhoneMasked: { label: '联系电话' },
  status: { label: '状态', format: (value: Field) => EMPLOYER_STATUS_LABELS[value as Employer['status']] },
};

/** Runs a change to employer `id`, naming it and recording what changed. */
async function audited(ctx: RouteContext, id: string, change: () => Promise<Employer>): Promise<Employer> {
  ctx.state.auditTarget = { type: 'employer', id };
  const before = await ctx.services.employers.get(id);
  ctx.state.auditTarget.name = before.name;
  const after = await change();
  Object.assign(ctx.state.auditTarget, { name: after.name, changes: changesBetween(before, after, EMPLOYER_AUDIT_FIELDS) });
  return after;
}

export const employerRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/employers',
    summary: '用工单位列表（q 搜索名称或信用代码开头）',
    tag: 'jobs',
    access: readers,
    query: listEmployersQuerySchema,
    handler: (ctx, { query }) => ctx.services.employers.list(query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/employers',
    summary: '新建用工单位（统一社会信用代码不能重复）',
    tag: 'jobs',
    access: hrStaff,
    body: employerBodySchema,
    audit: 'employer.create',
    successStatus: 201,
    handler: async (ctx, { body }) => {
      ctx.state.auditTarget = { type: 'employer', name: body.name, detail: body.creditCode };
      const employer = await ctx.services.employers.create(body);
      ctx.state.auditTarget.id = employer.id;
      return employer;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/employers/:id',
    summary: '用工单位详情（联系电话打码）',
    tag: 'jobs',
    access: readers,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.employers.get(params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/employers/:id',
    summary: '修改用工单位',
    tag: 'jobs',
    access: hrStaff,
    params: idParamsSchema,
    body: updateEmployerBodySchema,
    audit: 'employer.update',
    handler: (ctx, { params, body }) => audited(ctx, params.id, () => ctx.services.employers.update(params.id, body)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/employers/:id/suspend',
    summary: '暂停合作（它的岗位不再向群众展示，也不能投递）',
    tag: 'jobs',
    access: hrStaff,
    params: idParamsSchema,
    audit: 'employer.suspend',
    handler: (ctx, { params }) => audited(ctx, params.id, () => ctx.services.employers.suspend(params.id)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/employers/:id/activate',
    summary: '恢复合作',
    tag: 'jobs',
    access: hrStaff,
    params: idParamsSchema,
    audit: 'employer.activate',
    handler: (ctx, { params }) => audited(ctx, params.id, () => ctx.services.employers.activate(params.id)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/employers/:id/reveal-phone',
    summary: '查看用工单位完整联系电话（记录审计）',
    tag: 'jobs',
    access: hrStaff,
    params: idParamsSchema,
    audit: 'employer.reveal-phone',
    handler: async (ctx, { params }) => {
      ctx.state.auditTarget = { type: 'employer', id: params.id };
      ctx.state.auditTarget.name = (await ctx.services.employers.get(params.id)).name;
      return ctx.services.employers.revealPhone(params.id);
    },
  }),
];
