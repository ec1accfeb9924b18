import { z } from 'zod';
import { divisionLevel } from '../divisions';
import { utf8ByteLength } from '../rich-text';
import { objectIdSchema, paginationQuerySchema } from './common';
import { dateOnlySchema } from './registration';
import { divisionCodeSchema } from './staff';

/** The policy library (政策文件): county and township documents residents read before they decide. */

export const POLICY_CATEGORIES = ['relocation', 'subsidy_standard', 'employment', 'industry', 'community', 'other'] as const;
export type PolicyCategory = (typeof POLICY_CATEGORIES)[number];
export const POLICY_CATEGORY_LABELS: Record<PolicyCategory, string> = {
  relocation: '搬迁政策',
  subsidy_standard: '补助标准',
  employment: '就业扶持',
  industry: '产业扶持',
  community: '社区服务',
  other: '其他',
};

export const POLICY_STATUSES = ['draft', 'published', 'archived'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];
export const POLICY_STATUS_LABELS: Record<PolicyStatus, string> = {
  draft: '草稿',
  published: '已发布',
  archived: '已归档',
};

/**
 * A draft has never been published: it is edited in place and may be deleted. Once published, a
 * document is archived and re-published but never deleted, and every content edit makes a version.
 */
export const POLICY_ACTIONS = ['publish', 'archive', 'delete'] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

const POLICY_ACTION_FROM: Record<PolicyAction, readonly PolicyStatus[]> = {
  publish: ['draft', 'archived'],
  archive: ['published'],
  delete: ['draft'],
};
export const POLICY_ACTION_RESULT: Record<Exclude<PolicyAction, 'delete'>, PolicyStatus> = { publish: 'published', archive: 'archived' };

export function policyActionAllowed(status: PolicyStatus, action: PolicyAction): boolean {
  return POLICY_ACTION_FROM[action].includes(status);
}

export function policyActions(status: PolicyStatus): PolicyAction[] {
  return POLICY_ACTIONS.filter((action) => policyActionAllowed(status, action));
}

/** Whether the document's effective period has begun or ended on `today` (a China date). */
export const POLICY_VALIDITIES = ['upcoming', 'in_force', 'expired'] as const;
export type PolicyValidity = (typeof POLICY_VALIDITIES)[number];
export const POLICY_VALIDITY_LABELS: Record<PolicyValidity, string> = { upcoming: '尚未施行', in_force: '现行有效', expired: '已失效' };

export function policyValidity(policy: { effectiveFrom: string | null; effectiveTo: string | null }, today: string): PolicyValidity {
  if (policy.effectiveFrom && today < policy.effectiveFrom) return 'upcoming';
  if (policy.effectiveTo && today > policy.effectiveTo) return 'expired';
  return 'in_force';
}

export const MAX_POLICY_BODY_BYTES = 200 * 1024;
export const MAX_POLICY_INTERPRETATION = 2000;
export const MAX_POLICY_ATTACHMENTS = 10;
export const MAX_POLICY_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const POLICY_ATTACHMENT_MIME_TYPE = 'application/pdf';

/** Changing any of these on a published or archived document stores the previous version; `pinned` and `divisionCode` do not. */
export const POLICY_VERSIONED_FIELDS = [
  'title', 'category', 'issuingBody', 'documentNumber', 'publishDate', 'effectiveFrom', 'effectiveTo', 'bodyHtml', 'interpretation', 'attachmentIds',
] as const;

const policyFields = {
  title: z.string('请输入标题').trim().min(2, '请输入标题').max(100, '标题最多 100 个字'),
  category: z.enum(POLICY_CATEGORIES, '请选择政策类别'),
  issuingBody: z.string('请输入发文机关').trim().min(2, '请输入发文机关').max(60, '发文机关最多 60 个字'),
  /** 文号 such as 武府发〔2026〕12号; free text because counties write them in many ways. */
  documentNumber: z.string('文号应为文字').trim().max(50, '文号最多 50 个字'),
  publishDate: dateOnlySchema,
  /** Null: in force from the publish date / until further notice. */
  effectiveFrom: dateOnlySchema.nullable(),
  effectiveTo: dateOnlySchema.nullable(),
  /** Sanitised by the server against the allowlist in rich-text.ts before it is stored. */
  bodyHtml: z
    .string('请输入正文')
    .trim()
    .min(1, '请输入正文')
    .refine((html) => utf8ByteLength(html) <= MAX_POLICY_BODY_BYTES, `正文太长（最多 ${MAX_POLICY_BODY_BYTES / 1024} KB），请把长篇内容作为 PDF 附件上传`),
  /** 政策解读: a plain-language summary beside the formal text, shown to residents first. */
  interpretation: z.string('政策解读应为文字').trim().max(MAX_POLICY_INTERPRETATION, `政策解读最多 ${MAX_POLICY_INTERPRETATION} 个字`),
  attachmentIds: z
    .array(objectIdSchema, '附件应为列表')
    .max(MAX_POLICY_ATTACHMENTS, `附件最多 ${MAX_POLICY_ATTACHMENTS} 个`)
    .refine((ids) => new Set(ids).size === ids.length, '附件不能重复'),
  pinned: z.boolean('置顶应为是或否'),
  /** The owner: the county, or one township. Township staff may only choose their own township. */
  divisionCode: divisionCodeSchema.refine((code) => divisionLevel(code) !== 'village', '政策文件只能属于县或乡镇'),
};

type DatedPolicy = { publishDate?: string; effectiveFrom?: string | null; effectiveTo?: string | null };

function checkEffectivePeriod(policy: DatedPolicy, ctx: z.RefinementCtx) {
  const start = policy.effectiveFrom ?? policy.publishDate;
  if (policy.effectiveTo && start && policy.effectiveTo < start) {
    ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: policy.effectiveFrom ? '失效日期不能早于施行日期' : '失效日期不能早于发布日期' });
  }
}

export const createPolicyBodySchema = z
  .object({
    ...policyFields,
    documentNumber: policyFields.documentNumber.default(''),
    effectiveFrom: policyFields.effectiveFrom.default(null),
    effectiveTo: policyFields.effectiveTo.default(null),
    interpretation: policyFields.interpretation.default(''),
    attachmentIds: policyFields.attachmentIds.default([]),
    pinned: policyFields.pinned.default(false),
  })
  .superRefine(checkEffectivePeriod);

/**
 * Built from the fields without defaults: a partial update must not reset what it leaves out. The
 * server re-checks the effective period against the stored dates the update leaves unchanged.
 */
export const updatePolicyBodySchema = z
  .object(policyFields)
  .partial()
  .superRefine(checkEffectivePeriod)
  .refine((body) => Object.values(body).some((value) => value !== undefined), '请至少修改一项');

/** Staff list: drafts only for those who may edit them; published and archived for every staff role. */
export const listPoliciesQuerySchema = paginationQuerySchema.extend({
  status: z.enum(POLICY_STATUSES, '状态不正确').optional(),
  category: z.enum(POLICY_CATEGORIES, '政策类别不正确').optional(),
  /** Literal, case-insensitive: title, document number, interpretation and body text. */
  q: z.string().trim().max(50, '搜索词太长').optional(),
  divisionCode: divisionCodeSchema.optional(),
});

/** Residents read on weak signal: small pages. Published documents only. */
export const listResidentPoliciesQuerySchema = paginationQuerySchema.extend({
  pageSize: z.coerce.number().int('每页条数应为整数').min(1, '每页至少 1 条').max(20, '每页最多 20 条').default(10),
  category: z.enum(POLICY_CATEGORIES, '政策类别不正确').optional(),
  q: z.string().trim().max(50, '搜索词太长').optional(),
});

export const policyVersionParamsSchema = z.object({
  id: objectIdSchema,
  version: z.coerce.number().int('版本号应为整数').min(1, '版本号从 1 开始'),
});

export type CreatePolicyBody = z.input<typeof createPolicyBodySchema>;
export type UpdatePolicyBody = z.input<typeof updatePolicyBodySchema>;
export type ListPoliciesQuery = z.output<typeof listPoliciesQuerySchema>;
export type ListResidentPoliciesQuery = z.output<typeof listResidentPoliciesQuerySchema>;

export type PolicyAttachment = { id: string; name: string; size: number };

/** A list row: no body, no interpretation — lists must stay small. */
export type PolicySummary = {
  id: string;
  title: string;
  category: PolicyCategory;
  issuingBody: string;
  documentNumber: string;
  publishDate: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  status: PolicyStatus;
  pinned: boolean;
  divisionCode: string;
  /** 武定县, or the township's name. */
  divisionName: string;
  attachmentCount: number;
  version: number;
  /** When it was first published; null for a draft. */
  publishedAt: string | null;
  updatedAt: string;
};

/** One earlier version, newest first in `history`. `editedAt` is when that version was saved. */
export type PolicyHistoryEntry = { version: number; title: string; editedAt: string };
export type StaffPolicyHistoryEntry = PolicyHistoryEntry & { editedBy: string };

type PolicyContent = {
  bodyHtml: string;
  interpretation: string;
  attachments: PolicyAttachment[];
};

/** What a resident opens: published, or archived when reached from a citation. */
export type PolicyDetail = PolicySummary & PolicyContent & { history: PolicyHistoryEntry[] };

export type StaffPolicyDetail = PolicySummary &
  PolicyContent & {
    history: StaffPolicyHistoryEntry[];
    editedBy: string;
    createdAt: string;
    /** False for a county document seen by township staff. */
    canEdit: boolean;
    /** From the status and `canEdit`. */
    allowedActions: PolicyAction[];
  };

/** An earlier (or the current) version as it read then. */
export type PolicyVersion = Pick<
  PolicySummary,
  'title' | 'category' | 'issuingBody' | 'documentNumber' | 'publishDate' | 'effectiveFrom' | 'effectiveTo'
> &
  PolicyContent & {
    policyId: string;
    version: number;
    current: boolean;
    editedAt: string;
    /** Staff only. */
    editedBy?: string;
  };
