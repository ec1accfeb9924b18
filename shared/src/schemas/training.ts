import { z } from 'zod';
import { DIVISION_CODE_PATTERN } from '../divisions';
import { TRAINING_AGE_MAX, TRAINING_AGE_MIN, type TrainingCompletion } from '../training-rules';
import { objectIdSchema, paginationQuerySchema } from './common';
import { dateOnlySchema } from './registration';
import type { EventTicket } from './signups';

/**
 * Skills training (技能培训, issue 14): courses the human-resources bureau runs for relocated
 * residents, often for employers that committed to hire (订单式). Places, waitlist and tickets come
 * from the sign-up engine; money is in integer fen (分) and shown in yuan.
 */

export const TRAINING_CATEGORIES = ['housekeeping', 'ecommerce', 'construction', 'livestock', 'planting', 'electrician', 'welding', 'driving', 'other'] as const;
export type TrainingCategory = (typeof TRAINING_CATEGORIES)[number];
export const TRAINING_CATEGORY_LABELS: Record<TrainingCategory, string> = {
  housekeeping: '家政服务',
  ecommerce: '电子商务',
  construction: '建筑施工',
  livestock: '养殖',
  planting: '种植',
  electrician: '电工',
  welding: '焊工',
  driving: '驾驶',
  other: '其他',
};

export const COURSE_STATUSES = ['draft', 'published', 'closed', 'running', 'finished', 'cancelled'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];
export const COURSE_STATUS_LABELS: Record<CourseStatus, string> = {
  draft: '草稿',
  published: '报名中',
  closed: '报名截止',
  running: '培训中',
  finished: '已结业',
  cancelled: '已取消',
};

export const COURSE_ACTIONS = ['publish', 'close', 'start', 'finish', 'cancel'] as const;
export type CourseAction = (typeof COURSE_ACTIONS)[number];
export const COURSE_ACTION_LABELS: Record<CourseAction, string> = { publish: '发布', close: '截止报名', start: '开课', finish: '结业', cancel: '取消' };

const COURSE_TRANSITIONS: Record<CourseAction, { from: readonly CourseStatus[]; to: CourseStatus }> = {
  publish: { from: ['draft'], to: 'published' },
  close: { from: ['published'], to: 'closed' },
  start: { from: ['published', 'closed'], to: 'running' },
  finish: { from: ['running'], to: 'finished' },
  cancel: { from: ['draft', 'published', 'closed', 'running'], to: 'cancelled' },
};

/** The status an allowed course action leads to; null when the machine refuses it. */
export function nextCourseStatus(status: CourseStatus, action: CourseAction): CourseStatus | null {
  const transition = COURSE_TRANSITIONS[action];
  return transition.from.includes(status) ? transition.to : null;
}

export const courseStatusesAllowing = (action: CourseAction): CourseStatus[] => [...COURSE_TRANSITIONS[action].from];

export const courseActionsFrom = (status: CourseStatus): CourseAction[] => COURSE_ACTIONS.filter((action) => nextCourseStatus(status, action) !== null);

/** A course can be edited until it has finished or been cancelled. */
export const COURSE_EDITABLE_STATUSES: readonly CourseStatus[] = ['draft', 'published', 'closed', 'running'];

/** What an application is, in the words the resident reads (the engine's statuses). */
export const TRAINING_APPLICATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'rejected', 'cancelled', 'removed'] as const;
export type TrainingApplicationStatus = (typeof TRAINING_APPLICATION_STATUSES)[number];
export const TRAINING_APPLICATION_STATUS_LABELS: Record<TrainingApplicationStatus, string> = {
  pending: '待审核',
  confirmed: '已录取',
  waitlisted: '候补',
  rejected: '未通过',
  cancelled: '已退出',
  removed: '已移出',
};

export const ADMISSION_MODES = ['review', 'auto'] as const;
export type AdmissionMode = (typeof ADMISSION_MODES)[number];
export const ADMISSION_MODE_LABELS: Record<AdmissionMode, string> = { review: '人社局审核录取', auto: '按报名先后自动录取' };

export const CERTIFICATE_KINDS = ['training', 'skill_level'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];
export const CERTIFICATE_KIND_LABELS: Record<CertificateKind, string> = { training: '培训合格证', skill_level: '职业技能等级证书' };

export const MAX_COURSE_CAPACITY = 500;
export const MAX_COURSE_SESSIONS = 60;
/** 100,000 yuan: more than any course costs or is subsidised. */
export const MAX_COURSE_FEN = 10_000_000;

/** 150000 fen → "1500.00". */
export const fenToYuan = (fen: number): string => (fen / 100).toFixed(2);

const timeOfDaySchema = z.string('请选择时间').regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');
const text = (label: string, min: number, max: number) =>
  z.string(`请填写${label}`).trim().min(min, `请填写${label}`).max(max, `${label}最多 ${max} 个字`);
const fen = (label: string) =>
  z.coerce.number(`请填写${label}`).int(`${label}应为整数（单位：分）`).min(0, `${label}不能为负数`).max(MAX_COURSE_FEN, `${label}最多 ${MAX_COURSE_FEN / 100} 元`);
const age = (label: string) => z.coerce.number(`请填写${label}`).int(`${label}应为整数`).min(TRAINING_AGE_MIN, `${label}不能小于 ${TRAINING_AGE_MIN} 岁`).max(TRAINING_AGE_MAX, `${label}不能大于 ${TRAINING_AGE_MAX} 岁`);
const divisionCodeSchema = z.string('请选择地区').regex(DIVISION_CODE_PATTERN, '地区编码应为 12 位数字');

export const courseSessionSchema = z
  .object({ date: dateOnlySchema, startTime: timeOfDaySchema, endTime: timeOfDaySchema, topic: text('课程内容', 2, 60) })
  .refine((session) => session.endTime > session.startTime, { message: '结束时间应晚于开始时间', path: ['endTime'] });

export const coursePartnerSchema = z.object({
  employerId: objectIdSchema,
  committedHires: z.coerce.number('请填写承诺招用人数').int('承诺招用人数应为整数').min(0, '承诺招用人数不能为负数').max(1000, '承诺招用人数最多 1000 人'),
});

export const courseEligibilitySchema = z
  .object({
    minAge: age('最小年龄'),
    maxAge: age('最大年龄'),
    priorityForRelocated: z.boolean('请选择是否优先搬迁户').default(true),
    townshipCodes: z
      .array(divisionCodeSchema, '限定乡镇应为列表')
      .max(50, '限定乡镇最多 50 个')
      .refine((codes) => new Set(codes).size === codes.length, '限定乡镇不能重复')
      .default([]),
  })
  .refine((rule) => rule.maxAge >= rule.minAge, { message: '最大年龄不能小于最小年龄', path: ['maxAge'] });

export const courseCompletionSchema = z.object({
  minAttendancePercent: z.coerce.number('请填写最低出勤比例').int('最低出勤比例应为整数').min(1, '最低出勤比例至少 1%').max(100, '最低出勤比例最多 100%'),
  examRequired: z.boolean('请选择是否需要考核'),
});

const sessionsSchema = z
  .array(courseSessionSchema, '课程安排应为列表')
  .min(1, '至少安排 1 次课')
  .max(MAX_COURSE_SESSIONS, `最多安排 ${MAX_COURSE_SESSIONS} 次课`)
  .refine((sessions) => sessions.every((session, i) => i === 0 || `${sessions[i - 1].date} ${sessions[i - 1].startTime}` < `${session.date} ${session.startTime}`), '课程安排请按时间先后排列，不能重复');

const courseFields = {
  title: text('培训班名称', 2, 60),
  category: z.enum(TRAINING_CATEGORIES, '请选择培训类别'),
  provider: text('培训机构', 2, 60),
  partners: z
    .array(coursePartnerSchema, '合作用工单位应为列表')
    .max(20, '合作用工单位最多 20 个')
    .refine((partners) => new Set(partners.map((p) => p.employerId.toLowerCase())).size === partners.length, '合作用工单位不能重复'),
  description: z.string('说明应为文字').trim().max(2000, '说明最多 2000 个字'),
  divisionCode: divisionCodeSchema,
  address: text('培训地点', 2, 100),
  sessions: sessionsSchema,
  capacity: z.coerce.number('请填写招收人数').int('招收人数应为整数').min(1, '招收人数至少 1 人').max(MAX_COURSE_CAPACITY, `招收人数最多 ${MAX_COURSE_CAPACITY} 人`),
  signupDeadline: dateOnlySchema,
  eligibility: courseEligibilitySchema,
  costFen: fen('个人费用'),
  subsidyFen: fen('每人培训补贴'),
  completion: courseCompletionSchema,
  admission: z.enum(ADMISSION_MODES, '请选择录取方式'),
};

const deadlineBeforeStart = (body: { signupDeadline?: string; sessions?: { date: string }[] }) =>
  !body.signupDeadline || !body.sessions?.length || body.signupDeadline <= body.sessions[0].date;
const DEADLINE_BEFORE_START = { message: '报名截止日期不能晚于第一次课', path: ['signupDeadline'] };

export const courseBodySchema = z
  .object({
    ...courseFields,
    partners: courseFields.partners.default([]),
    description: courseFields.description.default(''),
    costFen: courseFields.costFen.default(0),
    admission: courseFields.admission.default('review'),
  })
  .refine(deadlineBeforeStart, DEADLINE_BEFORE_START);

export const updateCourseBodySchema = z
  .object(courseFields)
  .partial()
  .refine((body) => Object.values(body).some((value) => value !== undefined), '请至少修改一项')
  .refine(deadlineBeforeStart, DEADLINE_BEFORE_START);

export const cancelCourseBodySchema = z.object({ reason: text('取消原因', 2, 200) });

export const listCoursesQuerySchema = paginationQuerySchema.extend({
  status: z.enum(COURSE_STATUSES, '状态不正确').optional(),
  category: z.enum(TRAINING_CATEGORIES, '培训类别不正确').optional(),
});

export const listResidentCoursesQuerySchema = paginationQuerySchema.extend({
  pageSize: z.coerce.number().int('每页条数应为整数').min(1, '每页至少 1 条').max(20, '每页最多 20 条').default(10),
  category: z.enum(TRAINING_CATEGORIES, '培训类别不正确').optional(),
  /** Courses a resident of this township may join (open to the county, or to this township). */
  townshipCode: divisionCodeSchema.optional(),
  notFull: z
    .enum(['true', 'false'], 'notFull 应为 true 或 false')
    .optional()
    .transform((value) => value === 'true'),
});

/** The person key the server lists with each household member (`householdMembers[].key`). */
export const memberKeySchema = z.string('请选择为谁报名').regex(/^[a-f\d]{24}$/i, '请选择为谁报名');

export const applyCourseBodySchema = z.object({ memberKey: memberKeySchema });

/** 代报名: a member of one registration of the staff member's area. */
export const proxyApplyBodySchema = z.object({ registrationId: objectIdSchema, memberKey: memberKeySchema });

export const listApplicationsQuerySchema = paginationQuerySchema.extend({
  status: z.enum(TRAINING_APPLICATION_STATUSES, '状态不正确').optional(),
  pageSize: z.coerce.number().int('每页条数应为整数').min(1, '每页至少 1 条').max(500, '每页最多 500 条').default(100),
});

export const trainingReasonBodySchema = z.object({ reason: text('原因', 2, 200) });

export const areaMembersQuerySchema = z.object({ registrationId: objectIdSchema });

export const sessionParamsSchema = z.object({ id: objectIdSchema, session: z.coerce.number('课次不正确').int('课次不正确').min(1, '课次从 1 开始').max(MAX_COURSE_SESSIONS, '课次不正确') });

export const attendanceBodySchema = z.object({ present: z.boolean('请选择是否出勤') });

export const sessionCheckInBodySchema = z.object({
  ticket: z.string('请扫描二维码或输入电子票号').trim().min(4, '电子票号不完整').max(200, '电子票内容不正确'),
});

export const resultBodySchema = z
  .object({
    examPassed: z.boolean('请选择考核结果').nullable(),
    examScore: z.coerce.number('考核分数应为数字').min(0, '考核分数不能为负数').max(100, '考核分数最多 100 分').nullable().default(null),
    certificateKind: z.enum(CERTIFICATE_KINDS, '请选择证书种类').nullable().default(null),
    certificateNumber: z.string('证书编号应为文字').trim().max(40, '证书编号最多 40 个字').regex(/^[A-Za-z0-9\-_/（）()]*$/, '证书编号只能包含字母、数字和横线').nullable().default(null),
  })
  .refine((body) => !body.certificateNumber || body.certificateKind, { message: '请选择证书种类', path: ['certificateKind'] });

export const hiredBodySchema = z.object({
  hired: z.boolean('请选择是否已就业'),
  employerName: z.string('就业单位应为文字').trim().max(60, '就业单位最多 60 个字').default(''),
});

export const subsidyRosterQuerySchema = z.object({
  full: z
    .enum(['true', 'false'], 'full 应为 true 或 false')
    .optional()
    .transform((value) => value === 'true'),
});

export type CourseBody = z.input<typeof courseBodySchema>;
export type UpdateCourseBody = z.input<typeof updateCourseBodySchema>;
export type ListCoursesQuery = z.output<typeof listCoursesQuerySchema>;
export type ListResidentCoursesQuery = z.output<typeof listResidentCoursesQuerySchema>;
export type CourseSession = z.output<typeof courseSessionSchema>;
export type CourseEligibility = z.output<typeof courseEligibilitySchema>;
export type CourseCompletionRule = z.output<typeof courseCompletionSchema>;
export type ResultBody = z.input<typeof resultBodySchema>;

export type CoursePartner = { employerId: string; name: string; committedHires: number };

/** A course as anyone may read it; staff get the same plus counts of applications. */
export type Course = {
  id: string;
  title: string;
  category: TrainingCategory;
  categoryLabel: string;
  provider: string;
  partners: CoursePartner[];
  description: string;
  divisionCode: string;
  divisionName: string;
  address: string;
  sessions: CourseSession[];
  firstDate: string;
  lastDate: string;
  capacity: number;
  /** From the sign-up engine: admitted trainees, places left, the waitlist. */
  admitted: number;
  placesLeft: number;
  waitlisted: number;
  signupDeadline: string;
  eligibility: CourseEligibility & { townshipNames: string[] };
  costFen: number;
  subsidyFen: number;
  completion: CourseCompletionRule;
  admission: AdmissionMode;
  status: CourseStatus;
  statusLabel: string;
  /** Whether a resident can apply now: published, before the deadline and the first session. */
  acceptingApplications: boolean;
  cancelReason: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type StaffCourse = Course & { pending: number; allowedActions: CourseAction[] };

/** One member of a household the caller may apply for, with whether this course takes them. */
export type TrainingMemberChoice = {
  memberKey: string;
  name: string;
  relation: string;
  age: number;
  eligible: boolean;
  /** Why not, in plain words; null when eligible. */
  reason: string | null;
  priority: boolean;
  /** The application already made for this member, if any. */
  applicationId: string | null;
};

export type TrainingAttendance = { session: number; date: string; topic: string; present: boolean };

export type TrainingCertificate = { kind: CertificateKind; kindLabel: string; number: string };

/** 我的培训: one application with the course, the schedule, attendance and the certificate. */
export type ResidentTrainingApplication = {
  id: string;
  course: Course;
  status: TrainingApplicationStatus;
  statusLabel: string;
  name: string;
  relation: string;
  /** 1 for the first in the queue, while waitlisted. */
  waitlistPosition: number | null;
  /** Why it was not admitted or was removed. */
  reason: string | null;
  /** The ticket for check-in, while admitted. */
  ticket: EventTicket | null;
  attendance: TrainingAttendance[];
  completion: TrainingCompletion;
  examPassed: boolean | null;
  certificate: TrainingCertificate | null;
  appliedByStaff: boolean;
  canWithdraw: boolean;
  appliedAt: string;
};

/** The bureau's view of an applicant: name in full for the roster, ID number masked. */
export type StaffTrainingApplication = {
  id: string;
  courseId: string;
  status: TrainingApplicationStatus;
  statusLabel: string;
  name: string;
  relation: string;
  age: number;
  idNumberMasked: string;
  phoneMasked: string | null;
  townshipName: string;
  villageName: string;
  priority: boolean;
  waitlistPosition: number | null;
  reason: string | null;
  code: string;
  appliedBy: { kind: 'resident' | 'staff'; name: string };
  appliedAt: string;
  /** Session numbers (from 1) attended. */
  attended: number[];
  completion: TrainingCompletion;
  examPassed: boolean | null;
  examScore: number | null;
  certificate: TrainingCertificate | null;
  hired: { source: 'jobs' | 'entered'; employerName: string } | null;
};

export type TrainingApplicationCounts = Record<TrainingApplicationStatus, number>;

export type TrainingApplicationList = Page<StaffTrainingApplication> & { counts: TrainingApplicationCounts };

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type CourseOutcomes = {
  courseId: string;
  admitted: number;
  completed: number;
  certified: number;
  /** Completers hired after the course: through the job board, or entered by the bureau. */
  hired: number;
  hiredThroughJobs: number;
  committedHires: number;
  completionRate: number;
  employmentRate: number;
  subsidyTotalFen: number;
};
