import { z } from 'zod';
import { chinaDate } from '../china-date';
import type { ApprovalBlocker, RegistrationAction, RegistrationStatus } from '../registration-machine';
import { REGISTRATION_STATUSES } from '../registration-machine';
import { objectIdSchema, paginationQuerySchema } from './common';
import {
  HAZARD_TYPES,
  householdSchema,
  type PresentedHousehold,
  type PhotoRef,
} from './household';
import { divisionCodeSchema } from './staff';

export const WILLINGNESS = ['willing', 'unwilling', 'undecided'] as const;
export const WILLINGNESS_LABELS: Record<(typeof WILLINGNESS)[number], string> = {
  willing: '愿意',
  unwilling: '不愿意',
  undecided: '视情况',
};

export const RESETTLEMENT_TYPES = ['centralized', 'scattered', 'urban', 'relatives'] as const;
export const RESETTLEMENT_TYPE_LABELS: Record<(typeof RESETTLEMENT_TYPES)[number], string> = {
  centralized: '集中安置',
  scattered: '分散安置',
  urban: '进城安置',
  relatives: '投亲靠友',
};

export type Willingness = (typeof WILLINGNESS)[number];
export type ResettlementType = (typeof RESETTLEMENT_TYPES)[number];

const dateOnlySchema = z.string('请选择日期').regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').refine(
  (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
  '日期不存在',
);
export { dateOnlySchema };

const reasonTextSchema = (label: string, max: number) =>
  z.string(`请填写${label}`).trim().min(2, `请填写${label}`).max(max, `${label}最多 ${max} 个字`);

export const wishesSchema = z
  .object({
    willingness: z.enum(WILLINGNESS, '请选择搬迁意愿'),
    resettlementType: z.enum(RESETTLEMENT_TYPES, '请选择安置方式').optional(),
    preferredSiteId: objectIdSchema.optional(),
    /** Month the household would like to move, YYYY-MM. */
    preferredMoveMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '意向搬迁时间格式应为 YYYY-MM').optional(),
    reasons: z.string('原因应为文字').trim().max(500, '原因最多 500 个字').default(''),
  })
  .superRefine((wishes, ctx) => {
    if (wishes.willingness !== 'unwilling' && !wishes.resettlementType) {
      ctx.addIssue({ code: 'custom', path: ['resettlementType'], message: '请选择安置方式' });
    }
    if (wishes.preferredSiteId && wishes.resettlementType !== 'centralized') {
      ctx.addIssue({ code: 'custom', path: ['preferredSiteId'], message: '只有集中安置可以选择安置点' });
    }
    if (wishes.willingness === 'unwilling' && wishes.reasons.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['reasons'], message: '不愿意搬迁时请填写原因' });
    }
  });

export type Wishes = z.output<typeof wishesSchema>;

/** What the resident (or a village cadre for them) sends. The key makes a retried submit harmless. */
export const submitRegistrationBodySchema = z.object({
  idempotencyKey: z.string('缺少提交凭证').regex(/^[A-Za-z0-9_-]{16,64}$/, '提交凭证格式不正确'),
  household: householdSchema,
  wishes: wishesSchema,
});
export const resubmitRegistrationBodySchema = submitRegistrationBodySchema.omit({ idempotencyKey: true });

export type SubmitRegistrationBody = z.input<typeof submitRegistrationBodySchema>;
export type ResubmitRegistrationBody = z.input<typeof resubmitRegistrationBodySchema>;

/** What the verifier found of the house against the household file. */
export const HOUSE_CHECKS = ['matches', 'differs'] as const;
export const HOUSE_CHECK_LABELS: Record<(typeof HOUSE_CHECKS)[number], string> = {
  matches: '与登记一致',
  differs: '与登记不符',
};
/** Whether the hazard the household reported was found on site. */
export const HAZARD_CHECKS = ['confirmed', 'not_found'] as const;
export const HAZARD_CHECK_LABELS: Record<(typeof HAZARD_CHECKS)[number], string> = {
  confirmed: '隐患属实',
  not_found: '未发现所报隐患',
};

/**
 * The on-site verification (入户核实) checklist. Visits recorded before the checklist existed have
 * only date, visitors, findings and photos; `PresentedVisit` keeps them readable.
 */
const visitSchema = z.object({
  date: dateOnlySchema.refine((value) => value <= chinaDate(), '核实日期不能晚于今天'),
  visitors: z.string('请填写入户人员').trim().min(2, '请填写入户人员').max(100, '入户人员最多 100 个字'),
  /** The household members (or others) who were there, e.g. 户主本人及配偶. */
  peoplePresent: z.string('请填写在场人员').trim().min(2, '请填写在场人员').max(100, '在场人员最多 100 个字'),
  houseStructure: z.enum(HOUSE_CHECKS, '请确认房屋结构是否与登记一致'),
  hazard: z.enum(HAZARD_CHECKS, '请确认隐患情况是否属实'),
  findings: reasonTextSchema('核实情况', 1000),
  photoIds: z.array(objectIdSchema).max(9, '照片最多 9 张').default([]),
});
export type Visit = z.output<typeof visitSchema>;
export type HouseCheck = Visit['houseStructure'];
export type HazardCheck = Visit['hazard'];
/** A visit as staff read it: the checklist answers are missing on visits recorded before it. */
export type PresentedVisit = Omit<Visit, 'peoplePresent' | 'houseStructure' | 'hazard'> &
  Partial<Pick<Visit, 'peoplePresent' | 'houseStructure' | 'hazard'>> & { photos: PhotoRef[] };

export const acceptBodySchema = z.object({ note: z.string().trim().max(200, '备注最多 200 个字').optional() });
export const verifyBodySchema = z.object({ visit: visitSchema });
/** Returned and rejected registrations show this reason to the resident. */
export const reasonBodySchema = z.object({ reason: reasonTextSchema('原因', 500) });
export const approveBodySchema = z.object({
  /** Required when the household chose centralised resettlement. */
  siteId: objectIdSchema.optional(),
  note: z.string().trim().max(200, '备注最多 200 个字').optional(),
});
/** Keeping one registration of a household registered more than once; the reason goes to the others' residents. */
export const keepRegistrationBodySchema = z.object({
  reason: z.string().trim().max(200, '说明最多 200 个字').optional(),
});
export const internalNoteBodySchema = z.object({ text: reasonTextSchema('内部备注', 1000) });
export const objectionBodySchema = z.object({
  raisedBy: z.string('请填写异议人').trim().min(1, '请填写异议人').max(30, '异议人最多 30 个字'),
  content: reasonTextSchema('异议内容', 1000),
});
export const resolveObjectionBodySchema = z.object({
  outcome: z.enum(['dismissed', 'upheld'], '请选择处理结果'),
  resolution: reasonTextSchema('处理意见', 500),
});
export const objectionParamsSchema = z.object({ id: objectIdSchema, objectionId: objectIdSchema });

export const REGISTRATION_SORTS = ['-submittedAt', 'submittedAt', '-updatedAt', 'updatedAt', 'headName', '-headName', 'memberCount', '-memberCount'] as const;

/** Filters shared by the list, the counts and the ledger export. */
export const registrationFilterSchema = z.object({
  divisionCode: divisionCodeSchema.optional(),
  status: z.enum(REGISTRATION_STATUSES, '状态不正确').optional(),
  willingness: z.enum(WILLINGNESS, '搬迁意愿不正确').optional(),
  resettlementType: z.enum(RESETTLEMENT_TYPES, '安置方式不正确').optional(),
  hazardType: z.enum(HAZARD_TYPES, '隐患类型不正确').optional(),
  submittedFrom: dateOnlySchema.optional(),
  submittedTo: dateOnlySchema.optional(),
  /** A name (or part of it), or the last 4 characters of the head's ID number. */
  q: z.string().trim().max(30, '搜索词太长').optional(),
  /** Only households registered more than once (同户多次登记). */
  householdClash: z.enum(['true'], '同户多次登记筛选只能是 true').optional(),
  /** Only registrations the county can approve today: on notice, the period over, no open objection (可审批). */
  approvable: z.enum(['true'], '可审批筛选只能是 true').optional(),
});
export const listRegistrationsQuerySchema = paginationQuerySchema
  .extend(registrationFilterSchema.shape)
  .extend({ sort: z.enum(REGISTRATION_SORTS, '排序方式不正确').default('-submittedAt') });

export type RegistrationFilter = z.output<typeof registrationFilterSchema>;
export type ListRegistrationsQuery = z.output<typeof listRegistrationsQuerySchema>;

export type TimelineEntry = {
  action: RegistrationAction;
  from: RegistrationStatus | null;
  to: RegistrationStatus;
  at: string;
  /** Written for the resident: "本人", "村干部代填", "乡镇工作人员", "县级管理员". */
  actorLabel: string;
  /** Return and reject reasons; accept / approve notes. */
  reason?: string;
};

export type StaffTimelineEntry = TimelineEntry & { actorName: string; visit?: PresentedVisit };

export type RegistrationSummary = {
  id: string;
  status: RegistrationStatus;
  headName: string;
  headIdNumberMasked: string;
  memberCount: number;
  villageCode: string;
  villageName: string;
  townshipName: string;
  willingness: Willingness;
  resettlementType?: ResettlementType;
  hazardType: (typeof HAZARD_TYPES)[number];
  enteredByCadre: boolean;
  /** Another active registration names the same household head (同户多次登记): staff keep one. */
  householdClash: boolean;
  submittedAt: string;
  updatedAt: string;
};

/** One of the registrations of a household registered more than once, as staff compare them. */
export type ClashingRegistration = {
  id: string;
  status: RegistrationStatus;
  source: 'resident' | 'cadre' | 'import';
  headName: string;
  headIdNumberMasked: string;
  headPhoneMasked: string;
  villageName: string;
  address: string;
  memberCount: number;
  willingness: Willingness;
  resettlementType?: ResettlementType;
  submittedAt: string;
};

export type SiteRef = { id: string; name: string; townshipName: string };

export type Objection = {
  id: string;
  raisedBy: string;
  content: string;
  recordedBy: string;
  recordedAt: string;
  status: 'open' | 'dismissed' | 'upheld';
  resolution?: string;
  resolvedBy?: string;
  resolvedAt?: string;
};

export type InternalNote = { id: string; text: string; authorName: string; authorRole: string; at: string };

/** What staff see on the detail page. */
export type RegistrationDetail = RegistrationSummary & {
  household: PresentedHousehold;
  wishes: Wishes & { preferredSite?: SiteRef };
  timeline: StaffTimelineEntry[];
  notes: InternalNote[];
  objections: Objection[];
  notice?: { id: string; title: string; startDate: string; endDate: string };
  assignedSite?: SiteRef;
  enteredBy?: { name: string };
  /** Actions the caller may take now, from the state machine and their role. */
  allowedActions: Exclude<RegistrationAction, 'submit'>[];
  /**
   * While on public notice: the first day the county may approve (the notice over after the whole
   * minimum period), or null when no day will do without a new notice.
   */
  approvableFrom?: string | null;
  /** While on public notice: what holds approval up on the server's today (`approvalBlocker`), or null. */
  approvalBlocker?: ApprovalBlocker | null;
  /**
   * Whether anyone can correct it in the mini-program (the household's account, the cadre who
   * entered it). An imported registration cannot, so it is never returned.
   */
  correctable: boolean;
  /** Earlier (withdrawn or rejected) registrations of the same household. */
  previous: { id: string; status: RegistrationStatus; submittedAt: string }[];
  /**
   * When the household is registered more than once: this registration and the other active ones
   * the caller may see, side by side, and how many more lie outside the caller's area.
   */
  sameHousehold?: { registrations: ClashingRegistration[]; outsideArea: number };
};

/** What the resident sees: no internal notes, no staff names, reasons written for them. */
export type ResidentRegistration = {
  id: string;
  status: RegistrationStatus;
  statusLabel: string;
  nextStep: string;
  household: PresentedHousehold;
  wishes: Wishes & { preferredSite?: SiteRef };
  timeline: TimelineEntry[];
  assignedSite?: SiteRef;
  notice?: { id: string; title: string; startDate: string; endDate: string };
  canWithdraw: boolean;
  canResubmit: boolean;
  enteredByCadre: boolean;
  submittedAt: string;
  updatedAt: string;
};

export type RegistrationList = {
  items: RegistrationSummary[];
  total: number;
  page: number;
  pageSize: number;
  /** Counts per status under the same filters (ignoring the status filter). */
  statusCounts: Record<RegistrationStatus, number>;
};
