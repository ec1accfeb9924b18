import { z } from 'zod';
import {
  applicationMessageBodySchema,
  createPostingBodySchema,
  HR_ROLES,
  idParamsSchema,
  JOB_APPLICATION_STATUS_LABELS,
  JOB_APPLICATION_STATUSES,
  JOB_CATEGORY_LABELS,
  JOB_POSTING_STATUS_LABELS,
  type JobCategory,
  type JobPostingStatus,
  listPostingsQuerySchema,
  listResidentPostingsQuerySchema,
  paginationQuerySchema,
  resumeBodySchema,
  STAFF_JOB_APPLICATION_ACTIONS,
  STAFF_ROLES,
  type StaffJobApplication,
  type StaffJobApplicationAction,
  type StaffJobPosting,
  updatePostingBodySchema,
} from '@anqian/shared';
import { defineRoute, type RouteContext } from '../../routing/define-route';
import { changesBetween } from '../audit/audit-changes';

/** Every staff role reads postings; the human-resources bureau writes them, county-wide. */
const readers = { kind: 'staff', roles: STAFF_ROLES } as const;
const hrStaff = { kind: 'staff', roles: HR_ROLES } as const;
/** Applications hold residents' resumes: the bureau, and the county admin who reads everything. */
const applicationReaders = { kind: 'staff', roles: ['hr_staff', 'county_admin'] } as const;
/** Postings are public, like policies: residents find work without signing in. */
const everyone = { kind: 'public' } as const;
const resident = { kind: 'resident', consent: 'personal' } as const;

type Field = StaffJobPosting[keyof StaffJobPosting];
const POSTING_AUDIT_FIELDS = {
  title: { label: '岗位名称' },
  category: { label: '类别', format: (value: Field) => JOB_CATEGORY_LABELS[value as JobCategory] },
  description: { label: '岗位描述' },
  workplaceName: { label: '工作地点' },
  headcount: { label: '招聘人数' },
  payLabel: { label: '薪资' },
  hours: { label: '工作时间' },
  requirements: { label: '要求', format: (value: Field) => { const r = value as StaffJobPosting['requirements']; return `${r.ageMin}-${r.ageMax} 岁；${r.skills.join('、')}；${r.other}`; } },
  foodAndLodging: { label: '食宿' },
  transport: { label: '交通' },
  closingDate: { label: '截止日期' },
  priorityRelocated: { label: '优先招用搬迁群众' },
  status: { label: '状态', format: (value: Field) => JOB_POSTING_STATUS_LABELS[value as JobPostingStatus] },
};

async function auditedPosting(ctx: RouteContext, id: string, change: () => Promise<StaffJobPosting>): Promise<StaffJobPosting> {
  ctx.state.auditTarget = { type: 'job-posting', id };
  const before = await ctx.services.jobs.get(id);
  ctx.state.auditTarget.name = `${before.employerName}：${before.title}`;
  const after = await change();
  Object.assign(ctx.state.auditTarget, { name: `${after.employerName}：${after.title}`, changes: changesBetween(before, after, POSTING_AUDIT_FIELDS) });
  return after;
}

const applicationsQuerySchema = paginationQuerySchema.extend({ status: z.enum(JOB_APPLICATION_STATUSES, '状态不正确').optional() });

function applicationActionRoute(action: StaffJobApplicationAction, summary: string) {
  return defineRoute({
    method: 'post',
    path: `/api/job-applications/:id/${action}`,
    summary,
    tag: 'jobs',
    access: hrStaff,
    params: idParamsSchema,
    body: applicationMessageBodySchema,
    audit: `job-application.${action}`,
    handler: async (ctx, { params, body }) => {
      ctx.state.auditTarget = { type: 'job-application', id: params.id };
      const after: StaffJobApplication = await ctx.services.jobs.act(ctx.state.staff!, params.id, action, body.message);
      const last = after.timeline.at(-1)!;
      Object.assign(ctx.state.auditTarget, {
        name: `${after.resume.name}：${after.postingTitle}`,
        changes: [{ field: '状态', before: last.from ? JOB_APPLICATION_STATUS_LABELS[last.from] : '', after: JOB_APPLICATION_STATUS_LABELS[last.to] }],
      });
      return after;
    },
  });
}

const ACTION_SUMMARIES: Record<StaffJobApplicationAction, string> = {
  view: '标为已查看（可留言）',
  invite: '邀请面试（留言写明时间地点；此后群众可看到单位联系电话）',
  hire: '录用（占用一个招聘名额；招满自动结束招聘）',
  reject: '不予录用（可留言说明）',
};

export const jobRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/job-postings',
    summary: '岗位列表（q 搜索岗位名称或单位名称）',
    tag: 'jobs',
    access: readers,
    query: listPostingsQuerySchema,
    handler: (ctx, { query }) => ctx.services.jobs.list(query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/job-postings',
    summary: '新建岗位（草稿）',
    tag: 'jobs',
    access: hrStaff,
    body: createPostingBodySchema,
    audit: 'job-posting.create',
    successStatus: 201,
    handler: async (ctx, { body }) => {
      ctx.state.auditTarget = { type: 'job-posting', name: body.title };
      const posting = await ctx.services.jobs.create(ctx.state.staff!, body);
      Object.assign(ctx.state.auditTarget, { id: posting.id, name: `${posting.employerName}：${posting.title}` });
      return posting;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/job-postings/:id',
    summary: '岗位详情（含各状态投递数）',
    tag: 'jobs',
    access: readers,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.jobs.get(params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/job-postings/:id',
    summary: '修改岗位（草稿或招聘中；招聘中的岗位修改的文字重新经过内容安全检测）',
    tag: 'jobs',
    access: hrStaff,
    params: idParamsSchema,
    body: updatePostingBodySchema,
    audit: 'job-posting.update',
    handler: (ctx, { params, body }) => auditedPosting(ctx, params.id, () => ctx.services.jobs.update(params.id, body)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/job-postings/:id/publish',
    summary: '发布岗位（所有文字先经过微信内容安全检测，未通过时指出字段）',
    tag: 'jobs',
    access: hrStaff,
    params: idParamsSchema,
    audit: 'job-posting.publish',
    handler: (ctx, { params }) => auditedPosting(ctx, params.id, () => ctx.services.jobs.publish(params.id)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/job-postings/:id/close',
    summary: '结束招聘',
    tag: 'jobs',
    access: hrStaff,
    params: idParamsSchema,
    audit: 'job-posting.close',
    handler: (ctx, { params }) => auditedPosting(ctx, params.id, () => ctx.services.jobs.close(params.id)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/job-postings/:id/applications',
    summary: '岗位收到的投递（求职者手机号打码）',
    tag: 'jobs',
    access: applicationReaders,
    params: idParamsSchema,
    query: applicationsQuerySchema,
    handler: (ctx, { params, query }) => ctx.services.jobs.applicationsOf(params.id, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/job-applications/:id',
    summary: '投递详情',
    tag: 'jobs',
    access: applicationReaders,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.jobs.getApplication(params.id),
  }),
  ...STAFF_JOB_APPLICATION_ACTIONS.map((action) => applicationActionRoute(action, ACTION_SUMMARIES[action])),
  defineRoute({
    method: 'post',
    path: '/api/job-applications/:id/reveal-phone',
    summary: '查看求职者完整手机号（记录审计）',
    tag: 'jobs',
    access: hrStaff,
    params: idParamsSchema,
    audit: 'job-application.reveal-phone',
    handler: async (ctx, { params }) => {
      ctx.state.auditTarget = { type: 'job-application', id: params.id };
      const application = await ctx.services.jobs.getApplication(params.id);
      ctx.state.auditTarget.name = `${application.resume.name}：${application.postingTitle}`;
      return ctx.services.jobs.revealApplicantPhone(params.id);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/job-postings',
    summary: '找工作：招聘中的岗位（无需登录；按类别、离家近、最低月薪、食宿筛选，关键词搜索，按最新或薪资排序）',
    tag: 'jobs',
    access: everyone,
    query: listResidentPostingsQuerySchema,
    handler: (ctx, { query }) => ctx.services.jobs.listForResidents(query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/job-postings/:id',
    summary: '岗位详情（无需登录；不含单位电话）',
    tag: 'jobs',
    access: everyone,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.jobs.getForResidents(params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/resume',
    summary: '我的求职信息（没有时为 null），和可选的家庭成员（本人登记中工作人员已核实的成员；年龄来自身份证号）',
    tag: 'jobs',
    access: resident,
    handler: (ctx) => ctx.services.jobs.getResume(ctx.state.residentId!),
  }),
  defineRoute({
    method: 'put',
    path: '/api/resident/resume',
    summary: '保存求职信息（每人一份，投递时一并发送；memberKey 选家庭成员中的本人，年龄由其身份证号算出）',
    tag: 'jobs',
    access: resident,
    body: resumeBodySchema,
    rateLimitPerMinute: 30,
    handler: (ctx, { body }) => ctx.services.jobs.saveResume(ctx.state.residentId!, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/resident/job-postings/:id/apply',
    summary: '一键投递（201 新投递；已投递过则 200 返回原来那份）',
    tag: 'jobs',
    access: resident,
    params: idParamsSchema,
    handler: async (ctx, { params }) => {
      const { created, application } = await ctx.services.jobs.apply(ctx.state.residentId!, params.id);
      ctx.status = created ? 201 : 200;
      return application;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/job-applications',
    summary: '我的求职：每份投递的状态和人社局的留言',
    tag: 'jobs',
    access: resident,
    handler: (ctx) => ctx.services.jobs.myApplications(ctx.state.residentId!),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/job-applications/:id',
    summary: '我的一份投递（受邀面试后含单位联系电话）',
    tag: 'jobs',
    access: resident,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.jobs.myApplication(ctx.state.residentId!, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/resident/job-applications/:id/withdraw',
    summary: '撤回投递（有结果之前）',
    tag: 'jobs',
    access: resident,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.jobs.withdraw(ctx.state.residentId!, params.id),
  }),
];
