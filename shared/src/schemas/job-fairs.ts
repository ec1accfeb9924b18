import { z } from 'zod';
import { objectIdSchema, paginationQuerySchema } from './common';
import { dateOnlySchema } from './registration';
import type { ResidentSignup } from './signups';

/** Job fairs (招聘会) of the human-resources bureau; sign-up and tickets come from the sign-up engine. */

export const JOB_FAIR_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type JobFairStatus = (typeof JOB_FAIR_STATUSES)[number];
export const JOB_FAIR_STATUS_LABELS: Record<JobFairStatus, string> = { draft: '草稿', published: '已发布', cancelled: '已取消' };

/**
 * What a reader needs to know at a glance, from the status and the server's clock: a published
 * fair is 报名中 until it is full (已满) or starts (已开始), and 已结束 after its end time.
 */
export const JOB_FAIR_PHASES = ['draft', 'open', 'full', 'started', 'ended', 'cancelled'] as const;
export type JobFairPhase = (typeof JOB_FAIR_PHASES)[number];
export const JOB_FAIR_PHASE_LABELS: Record<JobFairPhase, string> = {
  draft: '草稿',
  open: '报名中',
  full: '已满',
  started: '进行中',
  ended: '已结束',
  cancelled: '已取消',
};

export const MAX_FAIR_CAPACITY = 20_000;

const timeOfDaySchema = z.string('请选择时间').regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');
const text = (label: string, min: number, max: number) =>
  z.string(`请填写${label}`).trim().min(min, `请填写${label}`).max(max, `${label}最多 ${max} 个字`);
const uniqueIds = (label: string, max: number) =>
  z
    .array(objectIdSchema, `${label}应为列表`)
    .max(max, `${label}最多 ${max} 个`)
    .refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, `${label}不能重复`);

const fairFields = {
  title: text('招聘会名称', 2, 60),
  /** China calendar date and local times; the fair may not start in the past (server clock). */
  date: dateOnlySchema,
  startTime: timeOfDaySchema,
  endTime: timeOfDaySchema,
  venue: text('举办地点', 2, 100),
  organiser: text('主办单位', 2, 60),
  capacity: z.coerce
    .number('请填写可报名人数')
    .int('可报名人数应为整数')
    .min(1, '可报名人数至少 1 人')
    .max(MAX_FAIR_CAPACITY, `可报名人数最多 ${MAX_FAIR_CAPACITY} 人`),
  description: z.string('说明应为文字').trim().max(1000, '说明最多 1000 个字'),
  /** Participating employers (用工单位) and their postings (岗位), by id. */
  employerIds: uniqueIds('参会单位', 100),
  postingIds: uniqueIds('招聘岗位', 300),
};

const endAfterStart = (body: { startTime?: string; endTime?: string }) => !body.startTime || !body.endTime || body.endTime > body.startTime;
const END_AFTER_START = { message: '结束时间应晚于开始时间', path: ['endTime'] };

export const jobFairBodySchema = z
  .object({ ...fairFields, description: fairFields.description.default(''), employerIds: fairFields.employerIds.default([]), postingIds: fairFields.postingIds.default([]) })
  .refine(endAfterStart, END_AFTER_START);

export const updateJobFairBodySchema = z
  .object(fairFields)
  .partial()
  .refine((body) => Object.values(body).some((value) => value !== undefined), '请至少修改一项')
  .refine(endAfterStart, END_AFTER_START);

export const cancelJobFairBodySchema = z.object({ reason: text('取消原因', 2, 200) });

export const listJobFairsQuerySchema = paginationQuerySchema.extend({
  status: z.enum(JOB_FAIR_STATUSES, '状态不正确').optional(),
});

export const listResidentJobFairsQuerySchema = paginationQuerySchema.extend({
  pageSize: z.coerce.number().int('每页条数应为整数').min(1, '每页至少 1 条').max(20, '每页最多 20 条').default(10),
});

export type JobFairBody = z.input<typeof jobFairBodySchema>;
export type UpdateJobFairBody = z.input<typeof updateJobFairBodySchema>;
export type ListJobFairsQuery = z.output<typeof listJobFairsQuerySchema>;

export type JobFairEmployer = { id: string; name: string };
export type JobFairPosting = { id: string; title: string; employerName: string };

export type JobFair = {
  id: string;
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  organiser: string;
  description: string;
  capacity: number;
  /** Places taken and left, from the sign-up engine. */
  taken: number;
  remaining: number;
  status: JobFairStatus;
  phase: JobFairPhase;
  employers: JobFairEmployer[];
  postings: JobFairPosting[];
  cancelReason: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type JobFairStats = {
  fairId: string;
  capacity: number;
  signedUp: number;
  checkedIn: number;
  cancelled: number;
  /** Check-ins per sign-up, 0 to 1 (0 when nobody signed up). */
  checkInRate: number;
  /** Applications to the fair's postings made on the fair's day, and how many of them were hired. */
  applications: number;
  hires: number;
};

/** A resident's sign-up with the fair it is for. */
export type ResidentJobFairSignup = ResidentSignup & { fair: JobFair };
