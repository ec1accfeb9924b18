import { z } from 'zod';
import { CREDIT_CODE_MESSAGES, creditCodeProblem } from '../credit-code';
import { restrictedHiringMessage, restrictedHiringTerm } from '../fair-hiring';
import type { JobApplicationAction, JobApplicationStatus, JobPostingClosedReason, JobPostingStatus } from '../job-machines';
import { MOBILE_PATTERN } from '../masking';
import { objectIdSchema, paginationQuerySchema } from './common';
import { dateOnlySchema } from './registration';
import { divisionCodeSchema } from './staff';

/** Employers (用工单位), job postings (岗位), the resident's resume (求职信息) and applications (投递). */

export const creditCodeSchema = z
  .string('请输入统一社会信用代码')
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = creditCodeProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: CREDIT_CODE_MESSAGES[problem] });
  });

/** A mobile number or a landline with its area code (0871-1234567). */
export const contactPhoneSchema = z
  .string('请输入联系电话')
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请输入 11 位手机号，或带区号的座机号（如 0871-1234567）');

/** The first three and the last four characters, like a masked mobile number. */
export const maskContactPhone = (value: string): string => `${value.slice(0, 3)}****${value.slice(-4)}`;

const text = (label: string, max: number) => z.string(`请填写${label}`).trim().max(max, `${label}最多 ${max} 个字`);
const requiredText = (label: string, min: number, max: number) => text(label, max).min(min, `请填写${label}`);

export const EMPLOYER_STATUSES = ['active', 'suspended'] as const;
export type EmployerStatus = (typeof EMPLOYER_STATUSES)[number];
export const EMPLOYER_STATUS_LABELS: Record<EmployerStatus, string> = { active: '合作中', suspended: '已暂停' };

const employerFields = {
  name: requiredText('单位名称', 2, 60),
  creditCode: creditCodeSchema,
  industry: requiredText('所属行业', 2, 30),
  /** A division of the county, or null for an employer outside it. */
  divisionCode: divisionCodeSchema.nullable(),
  address: requiredText('单位地址', 2, 100),
  contactName: requiredText('联系人', 2, 20),
  contactPhone: contactPhoneSchema,
};

export const employerBodySchema = z.object({ ...employerFields, divisionCode: employerFields.divisionCode.default(null) });
export const updateEmployerBodySchema = z
  .object(employerFields)
  .partial()
  .refine((body) => Object.values(body).some((value) => value !== undefined), '请至少修改一项');

export const listEmployersQuerySchema = paginationQuerySchema.extend({
  status: z.enum(EMPLOYER_STATUSES, '状态不正确').optional(),
  q: z.string('搜索词格式不正确').trim().max(50, '搜索词太长').optional(),
});

export type EmployerBody = z.input<typeof employerBodySchema>;
export type UpdateEmployerBody = z.input<typeof updateEmployerBodySchema>;
export type ListEmployersQuery = z.output<typeof listEmployersQuerySchema>;

export type Employer = {
  id: string;
  name: string;
  creditCode: string;
  industry: string;
  divisionCode: string | null;
  /** The county division's name, or 县外. */
  divisionName: string;
  address: string;
  contactName: string;
  contactPhoneMasked: string;
  status: EmployerStatus;
  createdAt: string;
  updatedAt: string;
};

export const JOB_CATEGORIES = ['housekeeping', 'ecommerce', 'construction', 'livestock', 'planting', 'manufacturing', 'public_welfare', 'other'] as const;
export type JobCategory = (typeof JOB_CATEGORIES)[number];
export const JOB_CATEGORY_LABELS: Record<JobCategory, string> = {
  housekeeping: '家政服务',
  ecommerce: '电子商务',
  construction: '建筑施工',
  livestock: '养殖',
  planting: '种植',
  manufacturing: '制造',
  public_welfare: '公益性岗位',
  other: '其他',
};

export const FOOD_AND_LODGING = ['both', 'food', 'lodging', 'none'] as const;
export type FoodAndLodging = (typeof FOOD_AND_LODGING)[number];
export const FOOD_AND_LODGING_LABELS: Record<FoodAndLodging, string> = { both: '包吃包住', food: '包吃', lodging: '包住', none: '不包吃住' };

const workplaceSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('county'), divisionCode: divisionCodeSchema }),
    z.object({ kind: z.literal('outside'), province: requiredText('省份', 2, 20), city: requiredText('城市', 2, 20) }),
  ],
  '请选择工作地点',
);

const yuan = (label: string, max: number) =>
  z.number(`请输入${label}（数字）`).positive(`${label}应大于 0`).max(max, `${label}最多 ${max} 元`).multipleOf(0.01, `${label}最多保留两位小数`);
const monthlyYuan = (label: string) => z.number(`请输入${label}（数字）`).int(`${label}应为整数元`).positive(`${label}应大于 0`).max(100_000, `${label}最多 100000 元`);

export const paySchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({ kind: z.literal('monthly'), minYuan: monthlyYuan('最低月薪'), maxYuan: monthlyYuan('最高月薪') })
      .refine((pay) => pay.minYuan <= pay.maxYuan, { message: '最高月薪不能低于最低月薪', path: ['maxYuan'] }),
    z.object({ kind: z.literal('daily'), yuan: yuan('日薪', 5_000) }),
    z.object({ kind: z.literal('piece'), yuan: yuan('计件单价', 10_000), unit: requiredText('计件单位', 1, 10) }),
  ],
  '请选择薪资方式',
);
export type Pay = z.output<typeof paySchema>;
export type Workplace = z.output<typeof workplaceSchema>;

/** Working days a month, to compare daily pay with monthly ranges (sort by pay, minimum-pay filter). */
export const WORKING_DAYS_PER_MONTH = 22;

/** The lowest monthly pay a posting promises, for comparing postings; null for piece rates. */
export function monthlyPayFloor(pay: Pay): number | null {
  if (pay.kind === 'monthly') return pay.minYuan;
  if (pay.kind === 'daily') return Math.round(pay.yuan * WORKING_DAYS_PER_MONTH);
  return null;
}

export function payLabel(pay: Pay): string {
  if (pay.kind === 'monthly') return pay.minYuan === pay.maxYuan ? `${pay.minYuan} 元/月` : `${pay.minYuan}-${pay.maxYuan} 元/月`;
  if (pay.kind === 'daily') return `${pay.yuan} 元/天`;
  return `${pay.yuan} 元/${pay.unit}（计件）`;
}

export const MIN_WORKING_AGE = 16;
const requirementsSchema = z
  .object({
    ageMin: z.number('请输入最小年龄').int('年龄应为整数').min(MIN_WORKING_AGE, `最小年龄不能低于 ${MIN_WORKING_AGE} 岁`).max(70, '年龄最大 70 岁'),
    ageMax: z.number('请输入最大年龄').int('年龄应为整数').min(MIN_WORKING_AGE, `最大年龄不能低于 ${MIN_WORKING_AGE} 岁`).max(70, '年龄最大 70 岁'),
    skills: z.array(requiredText('技能', 1, 20), '技能应为列表').max(10, '技能最多 10 项').default([]),
    other: text('其他要求', 200).default(''),
  })
  .refine((value) => value.ageMin <= value.ageMax, { message: '最大年龄不能小于最小年龄', path: ['ageMax'] });

const postingFields = {
  title: requiredText('岗位名称', 2, 40),
  category: z.enum(JOB_CATEGORIES, '请选择岗位类别'),
  description: text('岗位描述', 1000).default(''),
  workplace: workplaceSchema,
  headcount: z.number('请输入招聘人数（数字）').int('招聘人数应为整数').min(1, '招聘人数至少 1 人').max(10_000, '招聘人数最多 10000 人'),
  pay: paySchema,
  hours: requiredText('工作时间', 2, 60),
  requirements: requirementsSchema,
  foodAndLodging: z.enum(FOOD_AND_LODGING, '请选择食宿情况'),
  transport: text('交通', 100).default(''),
  /** The last day residents can apply (China date); the server refuses one before its today. */
  closingDate: dateOnlySchema,
  priorityRelocated: z.boolean('请选择是否优先招用搬迁群众').default(true),
};

type PostingText = { title?: string; description?: string; hours?: string; transport?: string; requirements?: { skills?: string[]; other?: string } };

/** The free-text fields of a posting, by the path the error details name. */
export function postingTextFields(body: PostingText): { path: (string | number)[]; label: string; value: string }[] {
  const fields: { path: (string | number)[]; label: string; value: string | undefined }[] = [
    { path: ['title'], label: '岗位名称', value: body.title },
    { path: ['description'], label: '岗位描述', value: body.description },
    { path: ['hours'], label: '工作时间', value: body.hours },
    { path: ['transport'], label: '交通', value: body.transport },
    { path: ['requirements', 'other'], label: '其他要求', value: body.requirements?.other },
    ...(body.requirements?.skills ?? []).map((skill, index) => ({ path: ['requirements', 'skills', index], label: '技能', value: skill })),
  ];
  return fields.filter((field): field is { path: (string | number)[]; label: string; value: string } => Boolean(field.value));
}

/** No gender or ethnicity requirement may be entered anywhere in a posting. */
function refuseRestrictedTerms(body: PostingText, ctx: z.RefinementCtx) {
  for (const field of postingTextFields(body)) {
    const found = restrictedHiringTerm(field.value);
    if (found) ctx.addIssue({ code: 'custom', path: field.path, message: restrictedHiringMessage(found) });
  }
}

export const createPostingBodySchema = z.object({ employerId: objectIdSchema, ...postingFields }).superRefine(refuseRestrictedTerms);
export const updatePostingBodySchema = z
  .object(postingFields)
  .partial()
  .superRefine(refuseRestrictedTerms)
  .refine((body) => Object.values(body).some((value) => value !== undefined), '请至少修改一项');

export type CreatePostingBody = z.input<typeof createPostingBodySchema>;
export type UpdatePostingBody = z.input<typeof updatePostingBodySchema>;

export const listPostingsQuerySchema = paginationQuerySchema.extend({
  status: z.enum(['draft', 'published', 'closed'], '状态不正确').optional(),
  category: z.enum(JOB_CATEGORIES, '岗位类别不正确').optional(),
  employerId: objectIdSchema.optional(),
  q: z.string('搜索词格式不正确').trim().max(50, '搜索词太长').optional(),
});
export type ListPostingsQuery = z.output<typeof listPostingsQuerySchema>;

export const POSTING_SORTS = ['newest', 'pay'] as const;
export const listResidentPostingsQuerySchema = z
  .object({
    page: paginationQuerySchema.shape.page,
    pageSize: z.coerce.number().int('每页条数应为整数').min(1, '每页至少 1 条').max(20, '每页最多 20 条').default(10),
    category: z.enum(JOB_CATEGORIES, '岗位类别不正确').optional(),
    /** Near home: in the township of `homeCode` (a township or village code), or anywhere in the county. */
    near: z.enum(['township', 'county'], '范围应为 township 或 county').optional(),
    homeCode: divisionCodeSchema.optional(),
    minPay: z.coerce.number('最低月薪应为数字').int('最低月薪应为整数').min(0, '最低月薪不能为负').max(100_000, '最低月薪太大').optional(),
    foodAndLodging: z.enum(FOOD_AND_LODGING, '食宿条件不正确').optional(),
    q: z.string('搜索词格式不正确').trim().max(30, '搜索词最多 30 个字').optional(),
    sort: z.enum(POSTING_SORTS, '排序应为 newest 或 pay').default('newest'),
  })
  .refine((query) => query.near !== 'township' || query.homeCode, { message: '按乡镇筛选时请给出家所在的乡镇或村', path: ['homeCode'] });
export type ListResidentPostingsQuery = z.output<typeof listResidentPostingsQuerySchema>;

export type JobPostingSummary = {
  id: string;
  employerId: string;
  employerName: string;
  title: string;
  category: JobCategory;
  workplace: Workplace;
  /** 某某镇, or 省份城市 outside the county. */
  workplaceName: string;
  headcount: number;
  hired: number;
  pay: Pay;
  payLabel: string;
  foodAndLodging: FoodAndLodging;
  priorityRelocated: boolean;
  closingDate: string;
  status: JobPostingStatus;
  closedReason: JobPostingClosedReason | null;
  publishedAt: string | null;
  updatedAt: string;
};

export type JobPosting = JobPostingSummary & {
  description: string;
  hours: string;
  requirements: { ageMin: number; ageMax: number; skills: string[]; other: string };
  transport: string;
  employer: { name: string; industry: string; address: string };
};

export type StaffJobPosting = JobPosting & {
  /** Applications by status, for the bureau. */
  applicationCounts: Partial<Record<JobApplicationStatus, number>>;
  canEdit: boolean;
  createdAt: string;
};

export const resumeBodySchema = z.object({
  name: requiredText('姓名', 2, 20),
  phone: z.string('请输入手机号').trim().regex(MOBILE_PATTERN, '请输入 11 位手机号'),
  skills: z.array(requiredText('技能', 1, 20), '技能应为列表').max(10, '技能最多 10 项').default([]),
  experience: text('工作经历', 500).default(''),
  wantedPayYuan: z.number('期望月薪应为数字').int('期望月薪应为整数').min(0, '期望月薪不能为负').max(100_000, '期望月薪太大').nullable().default(null),
  wantedPlace: text('期望工作地点', 50).default(''),
  availableFrom: dateOnlySchema.nullable().default(null),
  freeText: text('补充说明', 500).default(''),
  /** Which member of the resident's verified household the resident is (`householdMembers[].key`): the age comes from their ID number. */
  memberKey: z.string('请选择本人是家庭中的哪一位').max(64, '请选择本人是家庭中的哪一位').nullable().default(null),
});
export type ResumeBody = z.input<typeof resumeBodySchema>;

/** A member of the resident's own registration that staff have verified, to choose from in the resume. */
export type ResumeHouseholdMember = { key: string; name: string; relation: string; age: number | null };

export type Resume = {
  name: string;
  phoneMasked: string;
  /** From the resident's verified ID number; null while the resident has none on record. */
  age: number | null;
  skills: string[];
  experience: string;
  wantedPayYuan: number | null;
  wantedPlace: string;
  availableFrom: string | null;
  freeText: string;
  /** The household member the resident said they are; null when not chosen. */
  member: { key: string; name: string; relation: string } | null;
  updatedAt: string;
};

export const applicationMessageBodySchema = z.object({ message: text('给求职者的留言', 200).default('') });

export type JobApplicationEvent = { action: JobApplicationAction | 'apply'; from: JobApplicationStatus | null; to: JobApplicationStatus; at: string; message: string };

export type StaffJobApplication = {
  id: string;
  postingId: string;
  postingTitle: string;
  employerName: string;
  status: JobApplicationStatus;
  /** The resume as it was when the resident applied. */
  resume: Omit<Resume, 'updatedAt' | 'member'>;
  timeline: (JobApplicationEvent & { by: string })[];
  allowedActions: JobApplicationAction[];
  createdAt: string;
  updatedAt: string;
};

export type ResidentJobApplication = {
  id: string;
  posting: Pick<JobPostingSummary, 'id' | 'title' | 'employerName' | 'payLabel' | 'workplaceName' | 'status'>;
  status: JobApplicationStatus;
  nextStep: string;
  /** The bureau's latest message, '' when none. */
  message: string;
  timeline: JobApplicationEvent[];
  /** The employer's contact, once the resident has been invited to an interview. */
  employerContact: { name: string; phone: string } | null;
  canWithdraw: boolean;
  createdAt: string;
  updatedAt: string;
};
