import {
  ADMISSION_MODE_LABELS,
  type AdmissionMode,
  applyCourseBodySchema,
  attendanceBodySchema,
  cancelCourseBodySchema,
  courseBodySchema,
  fenToYuan,
  hiredBodySchema,
  HR_ROLES,
  idParamsSchema,
  listApplicationsQuerySchema,
  listCoursesQuerySchema,
  listResidentCoursesQuerySchema,
  proxyApplyBodySchema,
  areaMembersQuerySchema,
  trainingReasonBodySchema,
  resultBodySchema,
  sessionCheckInBodySchema,
  sessionParamsSchema,
  type StaffCourse,
  STAFF_ROLES,
  subsidyRosterQuerySchema,
  TRAINING_CATEGORY_LABELS,
  type TrainingCategory,
  updateCourseBodySchema,
} from '@anqian/shared';
import { defineRoute, type RouteContext } from '../../routing/define-route';
import { changesBetween } from '../audit/audit-changes';

/** Every staff role reads courses; the human-resources bureau runs them, county-wide. */
const readers = { kind: 'staff', roles: STAFF_ROLES } as const;
const hrStaff = { kind: 'staff', roles: HR_ROLES } as const;
/** Sheets that name trainees: the bureau, and the county admin who reads everything. */
const sheetReaders = { kind: 'staff', roles: ['hr_staff', 'county_admin'] } as const;
/** Township staff and village cadres apply for residents of their area (代报名). */
const proxies = { kind: 'staff', roles: ['township_staff', 'village_cadre'] } as const;
const everyone = { kind: 'public' } as const;
const resident = { kind: 'resident', consent: 'personal' } as const;

type Field = StaffCourse[keyof StaffCourse];
const COURSE_AUDIT_FIELDS = {
  title: { label: '名称' },
  category: { label: '类别', format: (value: Field) => TRAINING_CATEGORY_LABELS[value as TrainingCategory] },
  provider: { label: '培训机构' },
  partners: { label: '合作用工单位', format: (value: Field) => (value as StaffCourse['partners']).map((p) => `${p.name}${p.committedHires}人`).join('、') },
  divisionName: { label: '培训地区' },
  address: { label: '培训地点' },
  sessions: { label: '课程安排', format: (value: Field) => (value as StaffCourse['sessions']).map((s) => `${s.date} ${s.startTime}-${s.endTime} ${s.topic}`).join('；') },
  capacity: { label: '招收人数' },
  signupDeadline: { label: '报名截止' },
  eligibility: { label: '报名条件', format: (value: Field) => { const e = value as StaffCourse['eligibility']; return `${e.minAge}-${e.maxAge}岁${e.priorityForRelocated ? '，搬迁户优先' : ''}${e.townshipNames.length ? `，限${e.townshipNames.join('、')}` : ''}`; } },
  costFen: { label: '个人费用（元）', format: (value: Field) => fenToYuan(value as number) },
  subsidyFen: { label: '每人补贴（元）', format: (value: Field) => fenToYuan(value as number) },
  completion: { label: '结业条件', format: (value: Field) => { const c = value as StaffCourse['completion']; return `出勤不少于${c.minAttendancePercent}%${c.examRequired ? '，考核合格' : ''}`; } },
  admission: { label: '录取方式', format: (value: Field) => ADMISSION_MODE_LABELS[value as AdmissionMode] },
  statusLabel: { label: '状态' },
  cancelReason: { label: '取消原因' },
};

async function auditedCourse(ctx: RouteContext, id: string, change: () => Promise<StaffCourse>): Promise<StaffCourse> {
  ctx.state.auditTarget = { type: 'training-course', id };
  const before = await ctx.services.training.get(id);
  ctx.state.auditTarget.name = before.title;
  const after = await change();
  Object.assign(ctx.state.auditTarget, { name: after.title, changes: changesBetween(before, after, COURSE_AUDIT_FIELDS) });
  return after;
}

const applicationTarget = async (ctx: RouteContext, id: string) => {
  const application = await ctx.services.training.getApplication(ctx.state.staff!, id);
  ctx.state.auditTarget = { type: 'training-application', id, name: application.name };
  return application;
};

export const trainingRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/training/courses',
    summary: '培训班列表（开课时间新的在前）',
    tag: 'training',
    access: readers,
    query: listCoursesQuerySchema,
    handler: (ctx, { query }) => ctx.services.training.list(query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/training/courses',
    summary: '新建培训班（草稿；金额单位为分）',
    tag: 'training',
    access: hrStaff,
    body: courseBodySchema,
    audit: 'training-course.create',
    successStatus: 201,
    handler: async (ctx, { body }) => {
      ctx.state.auditTarget = { type: 'training-course', name: body.title, detail: `${body.sessions[0].date} 开课，招收 ${body.capacity} 人` };
      const course = await ctx.services.training.create(ctx.state.staff!, body);
      ctx.state.auditTarget.id = course.id;
      return course;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/training/courses/:id',
    summary: '培训班详情（含录取、候补和待审核人数）',
    tag: 'training',
    access: readers,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.training.get(params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/training/courses/:id',
    summary: '修改培训班（结业前；开课后不能改课程安排；招收人数不能少于已录取人数）',
    tag: 'training',
    access: hrStaff,
    params: idParamsSchema,
    body: updateCourseBodySchema,
    audit: 'training-course.update',
    handler: (ctx, { params, body }) => auditedCourse(ctx, params.id, () => ctx.services.training.update(params.id, body)),
  }),
  ...(['publish', 'close', 'start', 'finish'] as const).map((action) =>
    defineRoute({
      method: 'post',
      path: `/api/training/courses/:id/${action}`,
      summary: { publish: '发布培训班（开始报名）', close: '截止报名（已报名的仍可审核录取）', start: '开课（第一次课当天起）', finish: '结业（最后一次课之后；通知结业学员）' }[action],
      tag: 'training',
      access: hrStaff,
      params: idParamsSchema,
      audit: `training-course.${action}`,
      handler: (ctx, { params }) => auditedCourse(ctx, params.id, () => ctx.services.training[action](params.id)),
    }),
  ),
  defineRoute({
    method: 'post',
    path: '/api/training/courses/:id/cancel',
    summary: '取消培训班（原因报名群众可见）',
    tag: 'training',
    access: hrStaff,
    params: idParamsSchema,
    body: cancelCourseBodySchema,
    audit: 'training-course.cancel',
    handler: (ctx, { params, body }) => auditedCourse(ctx, params.id, () => ctx.services.training.cancel(params.id, body.reason)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/training/courses/:id/applications',
    summary: '培训报名名单（待审核的优先户在前，再按报名时间；乡镇和村只看本辖区）',
    tag: 'training',
    access: readers,
    params: idParamsSchema,
    query: listApplicationsQuerySchema,
    handler: (ctx, { params, query }) => ctx.services.training.applications(ctx.state.staff!, params.id, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/training/courses/:id/members',
    summary: '代报名：本辖区一份已核实登记的家庭成员及是否符合报名条件',
    tag: 'training',
    access: proxies,
    params: idParamsSchema,
    query: areaMembersQuerySchema,
    handler: (ctx, { params, query }) => ctx.services.training.memberChoices({ kind: 'staff', actor: ctx.state.staff!, registrationId: query.registrationId }, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/training/courses/:id/applications',
    summary: '代报名（乡镇工作人员、村干部为本辖区一份已核实登记的家庭成员报名；辖区外的登记 404；已报名则返回原来那份）',
    tag: 'training',
    access: proxies,
    params: idParamsSchema,
    body: proxyApplyBodySchema,
    audit: 'training-application.proxy-apply',
    handler: async (ctx, { params, body }) => {
      const { created, application } = await ctx.services.training.apply({ kind: 'staff', actor: ctx.state.staff!, registrationId: body.registrationId }, params.id, body.memberKey);
      ctx.state.auditTarget = { type: 'training-application', id: application.id, name: application.name, detail: `${application.course.title}，${application.statusLabel}` };
      ctx.status = created ? 201 : 200;
      return application;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/training/courses/:id/admit-pending',
    summary: '按顺序录取全部待审核（优先户在前，再按报名时间；满员后进入候补）',
    tag: 'training',
    access: hrStaff,
    params: idParamsSchema,
    audit: 'training-course.admit-pending',
    handler: async (ctx, { params }) => {
      ctx.state.auditTarget = { type: 'training-course', id: params.id, name: await ctx.services.training.title(params.id) };
      const result = await ctx.services.training.admitPending(params.id);
      ctx.state.auditTarget.detail = `录取 ${result.admitted} 人，候补 ${result.waitlisted} 人`;
      return result;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/training/courses/:id/sessions/:session/check-in',
    summary: '课堂签到（扫描学员电子票二维码或输入票号；重复签到返回 409）',
    tag: 'training',
    access: hrStaff,
    params: sessionParamsSchema,
    body: sessionCheckInBodySchema,
    audit: 'training-course.check-in',
    rateLimitPerMinute: 300,
    handler: async (ctx, { params, body }) => {
      ctx.state.auditTarget = { type: 'training-course', id: params.id, name: await ctx.services.training.title(params.id) };
      const application = await ctx.services.training.checkIn(ctx.state.staff!, params.id, params.session, body.ticket);
      ctx.state.auditTarget.detail = `第 ${params.session} 次课 ${application.name} ${application.code}`;
      return application;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/training/courses/:id/outcomes',
    summary: '培训成效：录取、结业、取证和培训后就业人数',
    tag: 'training',
    access: readers,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.training.outcomes(params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/training/courses/:id/sign-in-sheet',
    summary: '导出签到表（.xlsx，可打印；记入审计）',
    tag: 'training',
    access: sheetReaders,
    params: idParamsSchema,
    audit: 'training-course.sign-in-sheet',
    handler: async (ctx, { params }) => {
      ctx.state.auditTarget = { type: 'training-course', id: params.id };
      const { filename, content, rows, title } = await ctx.services.training.signInSheet(params.id);
      Object.assign(ctx.state.auditTarget, { name: title, detail: `${rows} 人` });
      ctx.attachment(filename, { fallback: 'training-sign-in.xlsx' });
      return content;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/training/courses/:id/subsidy-roster',
    summary: '导出培训补贴申领花名册（.xlsx，身份证号打码；full=true 导出完整号码，需导出权限；记入审计）',
    tag: 'training',
    access: sheetReaders,
    params: idParamsSchema,
    query: subsidyRosterQuerySchema,
    audit: 'training-course.subsidy-roster',
    handler: async (ctx, { params, query }) => {
      ctx.state.auditTarget = { type: 'training-course', id: params.id };
      const { filename, content, rows, title } = await ctx.services.training.subsidyRoster(ctx.state.staff!, params.id, query.full);
      Object.assign(ctx.state.auditTarget, { name: title, detail: `${rows} 人${query.full ? '，含完整身份证号' : ''}` });
      ctx.attachment(filename, { fallback: 'training-subsidy-roster.xlsx' });
      return content;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/training/applications/:id',
    summary: '一份培训报名（出勤、考核、证书）',
    tag: 'training',
    access: readers,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.training.getApplication(ctx.state.staff!, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/training/applications/:id/admit',
    summary: '录取（有名额即录取，满员进入候补）',
    tag: 'training',
    access: hrStaff,
    params: idParamsSchema,
    audit: 'training-application.admit',
    handler: async (ctx, { params }) => {
      await applicationTarget(ctx, params.id);
      const application = await ctx.services.training.decide(ctx.state.staff!, params.id, 'admit', null);
      ctx.state.auditTarget!.detail = application.statusLabel;
      return application;
    },
  }),
  ...(['reject', 'remove'] as const).map((decision) =>
    defineRoute({
      method: 'post',
      path: `/api/training/applications/:id/${decision}`,
      summary: decision === 'reject' ? '不予通过（待审核或候补；原因群众可见）' : '移出学员（已录取；名额给候补第一位；原因群众可见）',
      tag: 'training',
      access: hrStaff,
      params: idParamsSchema,
      body: trainingReasonBodySchema,
      audit: `training-application.${decision}`,
      handler: async (ctx, { params, body }) => {
        await applicationTarget(ctx, params.id);
        ctx.state.auditTarget!.detail = body.reason;
        return ctx.services.training.decide(ctx.state.staff!, params.id, decision, body.reason);
      },
    }),
  ),
  defineRoute({
    method: 'put',
    path: '/api/training/applications/:id/attendance/:session',
    summary: '记出勤或更正（只限已录取学员、已上过的课；更正记入审计）',
    tag: 'training',
    access: hrStaff,
    params: sessionParamsSchema,
    body: attendanceBodySchema,
    audit: 'training-application.attendance',
    handler: async (ctx, { params, body }) => {
      await applicationTarget(ctx, params.id);
      const { application, changed } = await ctx.services.training.setAttendance(ctx.state.staff!, params.id, params.session, body.present);
      const now = body.present ? '出勤' : '缺勤';
      ctx.state.auditTarget!.changes = changed ? [{ field: `第 ${params.session} 次课`, before: body.present ? '缺勤' : '出勤', after: now }] : [];
      return application;
    },
  }),
  defineRoute({
    method: 'put',
    path: '/api/training/applications/:id/result',
    summary: '登记考核结果和证书（证书只发给达到结业条件的学员）',
    tag: 'training',
    access: hrStaff,
    params: idParamsSchema,
    body: resultBodySchema,
    audit: 'training-application.result',
    handler: async (ctx, { params, body }) => {
      const before = await applicationTarget(ctx, params.id);
      const after = await ctx.services.training.recordResult(ctx.state.staff!, params.id, body);
      ctx.state.auditTarget!.changes = changesBetween(before, after, {
        examPassed: { label: '考核', format: (value) => (value === true ? '合格' : value === false ? '不合格' : '未考核') },
        examScore: { label: '考核分数' },
        certificate: { label: '证书', format: (value) => (value ? `${(value as { kindLabel: string }).kindLabel} ${(value as { number: string }).number}` : '无') },
      });
      return after;
    },
  }),
  defineRoute({
    method: 'put',
    path: '/api/training/applications/:id/hired',
    summary: '登记培训后就业（未通过求职平台录用的）',
    tag: 'training',
    access: hrStaff,
    params: idParamsSchema,
    body: hiredBodySchema,
    audit: 'training-application.hired',
    handler: async (ctx, { params, body }) => {
      await applicationTarget(ctx, params.id);
      ctx.state.auditTarget!.detail = body.hired ? `已就业 ${body.employerName}` : '未就业';
      return ctx.services.training.recordHired(ctx.state.staff!, params.id, body);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/training/courses',
    summary: '技能培训班（无需登录；可按类别、乡镇、还有名额筛选；开课近的在前）',
    tag: 'training',
    access: everyone,
    query: listResidentCoursesQuerySchema,
    handler: (ctx, { query }) => ctx.services.training.listForResidents(query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/training/courses/:id',
    summary: '培训班详情（无需登录；课程安排、地点、合作单位、剩余名额）',
    tag: 'training',
    access: everyone,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.training.getForResidents(params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/training/courses/:id/members',
    summary: '为谁报名：我家已核实的家庭成员，以及是否符合报名条件（不符合时说明原因）',
    tag: 'training',
    access: resident,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.training.memberChoices({ kind: 'resident', residentId: ctx.state.residentId! }, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/resident/training/courses/:id/apply',
    summary: '报名培训班（201 新报名；已报名则 200 返回原来那份；不符合条件或已截止 409 并说明原因）',
    tag: 'training',
    access: resident,
    params: idParamsSchema,
    body: applyCourseBodySchema,
    rateLimitPerMinute: 30,
    handler: async (ctx, { params, body }) => {
      const { created, application } = await ctx.services.training.apply({ kind: 'resident', residentId: ctx.state.residentId! }, params.id, body.memberKey);
      ctx.status = created ? 201 : 200;
      return application;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/training/applications',
    summary: '我的培训：我和家人的报名、状态、课程安排、出勤和证书',
    tag: 'training',
    access: resident,
    handler: (ctx) => ctx.services.training.myApplications(ctx.state.residentId!),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/training/applications/:id',
    summary: '我的一份培训报名（含电子票）',
    tag: 'training',
    access: resident,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.training.myApplication(ctx.state.residentId!, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/resident/training/applications/:id/withdraw',
    summary: '退出培训（开课前；已录取的名额给候补第一位）',
    tag: 'training',
    access: resident,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.training.withdraw(ctx.state.residentId!, params.id),
  }),
];
