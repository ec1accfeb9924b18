import {
  cancelJobFairBodySchema,
  checkInBodySchema,
  HR_ROLES,
  idParamsSchema,
  JOB_FAIR_STATUS_LABELS,
  type JobFair,
  jobFairBodySchema,
  type JobFairStatus,
  listJobFairsQuerySchema,
  listResidentJobFairsQuerySchema,
  signUpBodySchema,
  STAFF_ROLES,
  updateJobFairBodySchema,
} from '@anqian/shared';
import { defineRoute, type RouteContext } from '../../routing/define-route';
import { changesBetween } from '../audit/audit-changes';

/** Every staff role reads fairs; the human-resources bureau runs them, county-wide. */
const readers = { kind: 'staff', roles: STAFF_ROLES } as const;
const hrStaff = { kind: 'staff', roles: HR_ROLES } as const;
/** The sign-up sheet names residents: the bureau, and the county admin who reads everything. */
const sheetReaders = { kind: 'staff', roles: ['hr_staff', 'county_admin'] } as const;
/** Fairs are public like postings; signing up needs the resident's token and privacy consent. */
const everyone = { kind: 'public' } as const;
const resident = { kind: 'resident', consent: 'personal' } as const;

type Field = JobFair[keyof JobFair];
const FAIR_AUDIT_FIELDS = {
  title: { label: '名称' },
  date: { label: '日期' },
  startTime: { label: '开始时间' },
  endTime: { label: '结束时间' },
  venue: { label: '地点' },
  organiser: { label: '主办单位' },
  capacity: { label: '可报名人数' },
  description: { label: '说明' },
  employers: { label: '参会单位', format: (value: Field) => (value as JobFair['employers']).map((item) => item.name).join('、') },
  postings: { label: '招聘岗位', format: (value: Field) => (value as JobFair['postings']).map((item) => item.title).join('、') },
  status: { label: '状态', format: (value: Field) => JOB_FAIR_STATUS_LABELS[value as JobFairStatus] },
};

async function auditedFair(ctx: RouteContext, id: string, change: () => Promise<JobFair>): Promise<JobFair> {
  ctx.state.auditTarget = { type: 'job-fair', id };
  const before = await ctx.services.jobFairs.get(id);
  ctx.state.auditTarget.name = before.title;
  const after = await change();
  Object.assign(ctx.state.auditTarget, { name: after.title, changes: changesBetween(before, after, FAIR_AUDIT_FIELDS) });
  return after;
}

export const jobFairRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/job-fairs',
    summary: '招聘会列表（开始时间新的在前）',
    tag: 'job-fairs',
    access: readers,
    query: listJobFairsQuerySchema,
    handler: (ctx, { query }) => ctx.services.jobFairs.list(query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/job-fairs',
    summary: '新建招聘会（草稿；日期和开始时间不能已过）',
    tag: 'job-fairs',
    access: hrStaff,
    body: jobFairBodySchema,
    audit: 'job-fair.create',
    successStatus: 201,
    handler: async (ctx, { body }) => {
      ctx.state.auditTarget = { type: 'job-fair', name: body.title, detail: `${body.date} ${body.startTime}，可报名 ${body.capacity} 人` };
      const fair = await ctx.services.jobFairs.create(ctx.state.staff!, body);
      ctx.state.auditTarget.id = fair.id;
      return fair;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/job-fairs/:id',
    summary: '招聘会详情（含已报名和剩余名额）',
    tag: 'job-fairs',
    access: readers,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.jobFairs.get(params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/job-fairs/:id',
    summary: '修改招聘会（开始前；可报名人数不能少于已报名人数）',
    tag: 'job-fairs',
    access: hrStaff,
    params: idParamsSchema,
    body: updateJobFairBodySchema,
    audit: 'job-fair.update',
    handler: (ctx, { params, body }) => auditedFair(ctx, params.id, () => ctx.services.jobFairs.update(params.id, body)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/job-fairs/:id/publish',
    summary: '发布招聘会（开始报名）',
    tag: 'job-fairs',
    access: hrStaff,
    params: idParamsSchema,
    audit: 'job-fair.publish',
    handler: (ctx, { params }) => auditedFair(ctx, params.id, () => ctx.services.jobFairs.publish(params.id)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/job-fairs/:id/cancel',
    summary: '取消招聘会（原因报名群众可见；停止报名）',
    tag: 'job-fairs',
    access: hrStaff,
    params: idParamsSchema,
    body: cancelJobFairBodySchema,
    audit: 'job-fair.cancel',
    handler: (ctx, { params, body }) => auditedFair(ctx, params.id, () => ctx.services.jobFairs.cancel(params.id, body.reason)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/job-fairs/:id/check-in',
    summary: '入场签到（扫描电子票二维码或输入票号；重复签到返回 409 并说明首次签到时间）',
    tag: 'job-fairs',
    access: hrStaff,
    params: idParamsSchema,
    body: checkInBodySchema,
    audit: 'job-fair.check-in',
    rateLimitPerMinute: 300,
    handler: async (ctx, { params, body }) => {
      ctx.state.auditTarget = { type: 'job-fair', id: params.id };
      const result = await ctx.services.jobFairs.checkIn(ctx.state.staff!, params.id, body.ticket);
      Object.assign(ctx.state.auditTarget, { name: result.fair.title, detail: `${result.signup.nameMasked} ${result.signup.code}` });
      return { signup: result.signup };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/job-fairs/:id/stats',
    summary: '招聘会统计：报名、签到、取消人数',
    tag: 'job-fairs',
    access: readers,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.jobFairs.stats(params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/job-fairs/:id/export',
    summary: '导出报名签到表（.xlsx，手机号打码；记入审计）',
    tag: 'job-fairs',
    access: sheetReaders,
    params: idParamsSchema,
    audit: 'job-fair.export',
    handler: async (ctx, { params }) => {
      ctx.state.auditTarget = { type: 'job-fair', id: params.id };
      const { filename, content, rows, title } = await ctx.services.jobFairs.exportSheet(params.id);
      Object.assign(ctx.state.auditTarget, { name: title, detail: `${rows} 行` });
      ctx.attachment(filename, { fallback: 'job-fair-signups.xlsx' });
      return content;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/job-fairs',
    summary: '即将举办的招聘会（无需登录；时间近的在前）',
    tag: 'job-fairs',
    access: everyone,
    query: listResidentJobFairsQuerySchema,
    handler: (ctx, { query }) => ctx.services.jobFairs.listForResidents(query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/job-fairs/:id',
    summary: '招聘会详情（无需登录）',
    tag: 'job-fairs',
    access: everyone,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.jobFairs.getForResidents(params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/resident/job-fairs/:id/signup',
    summary: '报名招聘会（201 新报名并给出电子票；已报名则 200 返回原来那份；满员或开始后 409）',
    tag: 'job-fairs',
    access: resident,
    params: idParamsSchema,
    body: signUpBodySchema,
    rateLimitPerMinute: 30,
    handler: async (ctx, { params, body }) => {
      const { created, signup } = await ctx.services.jobFairs.signUp(ctx.state.residentId!, params.id, body);
      ctx.status = created ? 201 : 200;
      return signup;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/job-fairs/:id/signup',
    summary: '我在这场招聘会的报名和电子票（二维码内容和票号）',
    tag: 'job-fairs',
    access: resident,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.jobFairs.mySignup(ctx.state.residentId!, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/resident/job-fairs/:id/signup/cancel',
    summary: '取消报名（开始前、签到前；名额退回）',
    tag: 'job-fairs',
    access: resident,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.jobFairs.cancelSignup(ctx.state.residentId!, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/job-fair-signups',
    summary: '我报名的招聘会和电子票',
    tag: 'job-fairs',
    access: resident,
    handler: (ctx) => ctx.services.jobFairs.mySignups(ctx.state.residentId!),
  }),
];
