import { z } from 'zod';
import { objectIdSchema, paginationQuerySchema } from './common';
import type { PhotoRef } from './household';
import { divisionCodeSchema } from './staff';

/**
 * Residents' requests (群众诉求): what a resident asks or reports, the township's handling and its
 * replies. Staff see the internal statuses and steps; the resident sees only four stages
 * (已提交 → 处理中 → 已答复 → 已办结), each with a date, and the replies.
 */

export const REQUEST_CATEGORIES = ['inquiry', 'help', 'complaint', 'repair', 'suggestion'] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];
export const REQUEST_CATEGORY_LABELS: Record<RequestCategory, string> = {
  inquiry: '咨询',
  help: '求助',
  complaint: '投诉',
  repair: '报修',
  suggestion: '建议',
};

/** `assigned` is 处理中 by a named colleague; a transferred request waits as `submitted` at its new office. */
export const REQUEST_STATUSES = ['submitted', 'assigned', 'replied', 'closed', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  submitted: '待分派',
  assigned: '办理中',
  replied: '已答复',
  closed: '已办结',
  withdrawn: '已撤回',
};

/** Requests the township still owes something: they count towards the resident's open limit. */
export const REQUEST_OPEN_STATUSES: readonly RequestStatus[] = ['submitted', 'assigned', 'replied'];
export const MAX_OPEN_REQUESTS = 10;
/** The resident may reopen an answered request once, within this many days of the (last) reply. */
export const REQUEST_REOPEN_DAYS = 7;
export const MAX_REQUEST_PHOTOS = 6;

export const REQUEST_ACTIONS = ['assign', 'transfer', 'reply', 'close', 'reopen', 'withdraw', 'autoClose'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];
export type RequestActor = 'staff' | 'resident' | 'system';

export const REQUEST_ACTION_LABELS: Record<RequestAction | 'submit' | 'note' | 'rate', string> = {
  submit: '群众提交',
  assign: '分派',
  transfer: '转办',
  reply: '答复',
  close: '办结',
  reopen: '群众申请重新处理',
  withdraw: '群众撤回',
  autoClose: '答复满 7 天自动办结',
  note: '内部备注',
  rate: '群众评价',
};

const REQUEST_TRANSITIONS: Record<RequestAction, { from: readonly RequestStatus[]; to: RequestStatus; by: RequestActor }> = {
  assign: { from: ['submitted', 'assigned'], to: 'assigned', by: 'staff' },
  // The receiving office starts again from its own inbox.
  transfer: { from: ['submitted', 'assigned'], to: 'submitted', by: 'staff' },
  // A further reply to an answered request adds to the answer (e.g. after an interim reply).
  reply: { from: ['submitted', 'assigned', 'replied'], to: 'replied', by: 'staff' },
  close: { from: ['replied'], to: 'closed', by: 'staff' },
  // Back to whoever handled it; `nextRequestStatus` picks `submitted` when nobody was assigned.
  reopen: { from: ['replied', 'closed'], to: 'assigned', by: 'resident' },
  withdraw: { from: ['submitted', 'assigned'], to: 'withdrawn', by: 'resident' },
  autoClose: { from: ['replied'], to: 'closed', by: 'system' },
};

/** The status an allowed action leads to; null when the machine refuses it. */
export function nextRequestStatus(status: RequestStatus, action: RequestAction, actor: RequestActor, hasAssignee = false): RequestStatus | null {
  const transition = REQUEST_TRANSITIONS[action];
  if (!transition.from.includes(status) || transition.by !== actor) return null;
  return action === 'reopen' && !hasAssignee ? 'submitted' : transition.to;
}

/** Statuses an action is allowed from, for the filter of a conditional update. */
export const requestStatusesAllowing = (action: RequestAction): RequestStatus[] => [...REQUEST_TRANSITIONS[action].from];

export function allowedRequestActions(status: RequestStatus, actor: RequestActor): RequestAction[] {
  return REQUEST_ACTIONS.filter((action) => nextRequestStatus(status, action, actor) !== null);
}

/** What the resident sees. */
export const REQUEST_STAGES = ['submitted', 'processing', 'replied', 'closed'] as const;
export type RequestStage = (typeof REQUEST_STAGES)[number] | 'withdrawn';
export const REQUEST_STAGE_LABELS: Record<RequestStage, string> = {
  submitted: '已提交',
  processing: '处理中',
  replied: '已答复',
  closed: '已办结',
  withdrawn: '已撤回',
};

/**
 * The resident's stage: a submitted request nobody has touched is 已提交; once an office has
 * assigned, transferred or reopened it, it is 处理中 until answered.
 */
export function requestStage(status: RequestStatus, handled: boolean): RequestStage {
  if (status === 'submitted') return handled ? 'processing' : 'submitted';
  if (status === 'assigned') return 'processing';
  return status;
}

/** Reply templates staff pick from and then edit; a fixed set, the same for every township. */
export const REQUEST_REPLY_TEMPLATES: Record<RequestCategory, { title: string; text: string }[]> = {
  inquiry: [
    { title: '政策解答', text: '您好，您咨询的问题答复如下：\n\n如还有不清楚的地方，可以拨打乡镇便民服务电话，或到乡镇便民服务中心当面咨询。' },
    { title: '需要补充材料', text: '您好，您咨询的事项需要准备以下材料：\n\n请带齐材料到乡镇便民服务中心办理，工作日上午 9 点至下午 5 点。' },
  ],
  help: [
    { title: '已安排人员上门', text: '您好，我们已收到您的求助，已安排工作人员在 个工作日内上门了解情况，请保持电话畅通。' },
    { title: '已联系村委会', text: '您好，您的求助已转告村委会，村干部会尽快与您联系，帮您解决。' },
  ],
  complaint: [
    { title: '已核查并处理', text: '您好，您反映的问题我们已经核查，情况如下：\n\n处理结果：\n\n感谢您的监督。' },
    { title: '正在调查', text: '您好，您反映的问题我们已经受理，正在调查核实，结果会在办结时答复您。' },
  ],
  repair: [
    { title: '已派人维修', text: '您好，您报修的问题已通知安置点物业（施工单位），维修人员会在 天内上门，请届时家中留人。' },
    { title: '维修已完成', text: '您好，您报修的问题已维修完成。如仍有问题，可以在 7 天内申请重新处理。' },
  ],
  suggestion: [
    { title: '感谢建议', text: '您好，感谢您提出的建议，我们已转交相关部门研究，会认真考虑。' },
    { title: '建议已采纳', text: '您好，您的建议已被采纳，具体安排如下：\n\n感谢您的支持。' },
  ],
};

const text = (label: string, min: number, max: number) =>
  z.string(`请填写${label}`).trim().min(min, min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}`).max(max, `${label}最多 ${max} 个字`);

export const REQUEST_TEXT_MAX = 1000;
export const REQUEST_REPLY_MAX = 2000;

/** Where the request is about: the village decides the township it goes to. */
export const requestPlaceSchema = z
  .object(
    {
      villageCode: divisionCodeSchema,
      siteId: objectIdSchema.optional(),
      registrationId: objectIdSchema.optional(),
    },
    '请选择诉求所在的村（社区）',
  )
  .refine((place) => !(place.siteId && place.registrationId), { message: '安置点和登记只能选一个', path: ['registrationId'] });

export const submitRequestBodySchema = z.object({
  idempotencyKey: z.string('缺少提交凭证').regex(/^[A-Za-z0-9_-]{16,64}$/, '提交凭证格式不正确'),
  category: z.enum(REQUEST_CATEGORIES, '请选择诉求类别'),
  text: text('诉求内容', 5, REQUEST_TEXT_MAX),
  photoIds: z.array(objectIdSchema, '照片应为列表').max(MAX_REQUEST_PHOTOS, `照片最多 ${MAX_REQUEST_PHOTOS} 张`).default([]),
  place: requestPlaceSchema,
});
export type SubmitRequestBody = z.input<typeof submitRequestBodySchema>;

export const rateRequestBodySchema = z.object({
  score: z.number('请选择评分').int('评分应为 1 到 5 的整数').min(1, '评分最低 1 分').max(5, '评分最高 5 分'),
  comment: z.string('评价应为文字').trim().max(200, '评价最多 200 个字').default(''),
});
export type RateRequestBody = z.input<typeof rateRequestBodySchema>;

export const reopenRequestBodySchema = z.object({ reason: text('重新处理的原因', 2, 500) });
export type ReopenRequestBody = z.input<typeof reopenRequestBodySchema>;

export const listOwnRequestsQuerySchema = z.object({
  page: paginationQuerySchema.shape.page,
  pageSize: z.coerce.number().int('每页条数应为整数').min(1, '每页至少 1 条').max(20, '每页最多 20 条').default(10),
});
export type ListOwnRequestsQuery = z.output<typeof listOwnRequestsQuerySchema>;

export const assignRequestBodySchema = z.object({ staffId: objectIdSchema });
export const transferRequestBodySchema = z.object({
  /** Another township, or the county itself. */
  divisionCode: divisionCodeSchema,
  reason: text('转办原因', 2, 500),
});
export const requestNoteBodySchema = z.object({ text: text('内部备注', 1, 1000) });
export const replyRequestBodySchema = z.object({ text: text('答复内容', 5, REQUEST_REPLY_MAX) });
export type AssignRequestBody = z.input<typeof assignRequestBodySchema>;
export type TransferRequestBody = z.input<typeof transferRequestBodySchema>;
export type ReplyRequestBody = z.input<typeof replyRequestBodySchema>;

export const REQUEST_SORTS = ['newest', 'oldest', 'due'] as const;
export type RequestSort = (typeof REQUEST_SORTS)[number];

/** Filters shared by the inbox and its export. */
export const requestFilterSchema = z.object({
  status: z.enum(REQUEST_STATUSES, '状态不正确').optional(),
  category: z.enum(REQUEST_CATEGORIES, '类别不正确').optional(),
  /** A township or village inside the caller's area. */
  divisionCode: divisionCodeSchema.optional(),
  overdue: z.enum(['true'], '超期筛选只能是 true').optional(),
  mine: z.enum(['true'], '“分派给我”筛选只能是 true').optional(),
  sort: z.enum(REQUEST_SORTS, '排序应为 newest、oldest 或 due').default('newest'),
});
export const listRequestsQuerySchema = paginationQuerySchema.merge(requestFilterSchema);
export type RequestFilter = z.output<typeof requestFilterSchema>;
export type ListRequestsQuery = z.output<typeof listRequestsQuerySchema>;

export const requestStatsQuerySchema = z.object({
  divisionCode: divisionCodeSchema.optional(),
});

export type RequestPlace = {
  villageCode: string;
  villageName: string;
  townshipName: string;
  site: { id: string; name: string } | null;
  registration: { id: string; label: string } | null;
};

export type RequestReply = { id: string; text: string; at: string; office: string };
export type StageStep = { stage: Exclude<RequestStage, 'withdrawn'>; label: string; at: string | null };
/** One line of the resident's history: replies and reopening stay in it after a reopen. */
export type PublicHistoryEntry = { kind: 'submitted' | 'processing' | 'reply' | 'reopened' | 'closed' | 'withdrawn'; label: string; at: string; text?: string };
export type RequestRating = { score: number; comment: string; at: string };

export type ResidentRequestSummary = {
  id: string;
  category: RequestCategory;
  categoryLabel: string;
  excerpt: string;
  stage: RequestStage;
  stageLabel: string;
  submittedAt: string;
  updatedAt: string;
  replyCount: number;
};

export type ResidentRequest = ResidentRequestSummary & {
  text: string;
  photos: PhotoRef[];
  place: RequestPlace;
  /** The four stages of the current round, each dated once reached (after a reopen, from the reopening). */
  steps: StageStep[];
  history: PublicHistoryEntry[];
  replies: RequestReply[];
  rating: RequestRating | null;
  canRate: boolean;
  canReopen: boolean;
  /** Last moment a reopen is accepted, while one still is. */
  reopenUntil: string | null;
  canWithdraw: boolean;
};

export type StaffRequestSummary = {
  id: string;
  category: RequestCategory;
  excerpt: string;
  status: RequestStatus;
  stage: RequestStage;
  villageCode: string;
  villageName: string;
  townshipName: string;
  handlerCode: string;
  handlerName: string;
  assignee: { id: string; name: string } | null;
  submittedAt: string;
  /** Last China day for the (next) reply; null once answered. */
  replyDue: string | null;
  doneDue: string;
  overdue: boolean;
  replyCount: number;
  reopened: boolean;
  rating: number | null;
};

export type InternalStep = {
  action: RequestAction | 'submit' | 'rate';
  label: string;
  at: string;
  actorName: string;
  from: RequestStatus | null;
  to: RequestStatus | null;
  detail: string | null;
};

export type StaffRequestDetail = StaffRequestSummary & {
  text: string;
  photos: PhotoRef[];
  place: RequestPlace;
  residentPhoneMasked: string | null;
  firstReplyDue: string;
  replies: (RequestReply & { staffName: string })[];
  notes: { id: string; text: string; at: string; staffName: string; roleLabel: string }[];
  steps: InternalStep[];
  /** Exactly what the resident sees. */
  residentView: { stage: RequestStage; steps: StageStep[]; history: PublicHistoryEntry[] };
  ratingDetail: RequestRating | null;
  /** What the caller may do now. */
  can: { assign: boolean; transfer: boolean; reply: boolean; close: boolean; note: boolean };
};

export type RequestAssignee = { id: string; displayName: string };

export type RequestReminder = {
  id: string;
  requestId: string;
  kind: 'reply' | 'done';
  dueDate: string;
  category: RequestCategory;
  excerpt: string;
  villageName: string;
  createdAt: string;
};

export type RequestStats = {
  total: number;
  open: number;
  overdue: number;
  byCategory: Record<RequestCategory, number>;
  byStatus: Record<RequestStatus, number>;
  byTownship: { code: string; name: string; total: number; open: number; overdue: number }[];
  /** Hours from submission to first reply, median of answered requests; null when none. */
  medianFirstReplyHours: number | null;
  /** Share (0–1) of requests whose first reply came by its due day, among those answered or past due. */
  answeredInTimeShare: number | null;
  averageRating: number | null;
  ratedCount: number;
};
