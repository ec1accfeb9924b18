import { z } from 'zod';
import { divisionLevel, type DivisionLevel } from '../divisions';
import { utf8ByteLength } from '../rich-text';
import type { StaffRole } from '../roles';
import { objectIdSchema, paginationQuerySchema } from './common';
import { divisionCodeSchema } from './staff';

/**
 * Announcements (通知公告) staff publish to the county, a township or a village. Not the 公示 of
 * registrations (public notices): those list households; these are news for everyone in an area.
 */

export const ANNOUNCEMENT_TYPES = ['notice', 'policy_promotion', 'meeting', 'utility_outage', 'hazard_alert'] as const;
export type AnnouncementType = (typeof ANNOUNCEMENT_TYPES)[number];
export const ANNOUNCEMENT_TYPE_LABELS: Record<AnnouncementType, string> = {
  notice: '通知',
  policy_promotion: '政策宣传',
  meeting: '会议',
  utility_outage: '停水停电',
  hazard_alert: '地质灾害预警',
};

/**
 * The human-resources bureau publishes about jobs and training, county-wide only: ordinary notices
 * (a job fair, a course opening) and policy promotion (employment support). Area offices publish
 * every type for their own area.
 */
export const HR_ANNOUNCEMENT_TYPES = ['notice', 'policy_promotion'] as const satisfies readonly AnnouncementType[];

export function announcementTypesFor(role: StaffRole): readonly AnnouncementType[] {
  return role === 'hr_staff' ? HR_ANNOUNCEMENT_TYPES : ANNOUNCEMENT_TYPES;
}

/** The levels a role may publish to, always inside the account's own division. */
export function announcementLevelsFor(role: StaffRole): readonly DivisionLevel[] {
  switch (role) {
    case 'county_admin':
      return ['county', 'township', 'village'];
    case 'township_staff':
      return ['township', 'village'];
    case 'village_cadre':
      return ['village'];
    case 'hr_staff':
      return ['county'];
  }
}

// The state machine, in the style of job-machines.ts: the server refuses every transition this
// table does not allow (409) and turns each allowed one into a conditional update on the status.

export const ANNOUNCEMENT_STATUSES = ['draft', 'scheduled', 'published', 'withdrawn'] as const;
export type AnnouncementStatus = (typeof ANNOUNCEMENT_STATUSES)[number];
/** What staff and residents see: a published announcement past its expiry shows as expired. */
export const ANNOUNCEMENT_VIEW_STATUSES = [...ANNOUNCEMENT_STATUSES, 'expired'] as const;
export type AnnouncementViewStatus = (typeof ANNOUNCEMENT_VIEW_STATUSES)[number];
export const ANNOUNCEMENT_STATUS_LABELS: Record<AnnouncementViewStatus, string> = {
  draft: '草稿',
  scheduled: '待发布',
  published: '已发布',
  withdrawn: '已撤回',
  expired: '已过期',
};

/** `publishDue` is the maintenance job at the set time; the others are staff by hand. */
export const ANNOUNCEMENT_ACTIONS = ['publish', 'schedule', 'unschedule', 'publishDue', 'withdraw'] as const;
export type AnnouncementAction = (typeof ANNOUNCEMENT_ACTIONS)[number];
export const ANNOUNCEMENT_ACTION_LABELS: Record<AnnouncementAction, string> = {
  publish: '立即发布',
  schedule: '定时发布',
  unschedule: '取消定时',
  publishDue: '到时发布',
  withdraw: '撤回',
};

const ANNOUNCEMENT_TRANSITIONS: Record<AnnouncementAction, { from: readonly AnnouncementStatus[]; to: AnnouncementStatus }> = {
  publish: { from: ['draft', 'scheduled'], to: 'published' },
  schedule: { from: ['draft'], to: 'scheduled' },
  unschedule: { from: ['scheduled'], to: 'draft' },
  publishDue: { from: ['scheduled'], to: 'published' },
  withdraw: { from: ['published'], to: 'withdrawn' },
};

export function nextAnnouncementStatus(status: AnnouncementStatus, action: AnnouncementAction): AnnouncementStatus | null {
  const transition = ANNOUNCEMENT_TRANSITIONS[action];
  return transition.from.includes(status) ? transition.to : null;
}

export const announcementStatusesAllowing = (action: AnnouncementAction): AnnouncementStatus[] => [...ANNOUNCEMENT_TRANSITIONS[action].from];

/** Staff actions on an announcement in `status` (the publish route schedules when the set time is ahead). */
export function allowedAnnouncementActions(status: AnnouncementStatus): AnnouncementAction[] {
  return (['publish', 'unschedule', 'withdraw'] as const).filter((action) => nextAnnouncementStatus(status, action) !== null);
}

/** A draft or a scheduled announcement is edited; once residents have seen it, it can only be withdrawn. */
export const ANNOUNCEMENT_EDITABLE_STATUSES: readonly AnnouncementStatus[] = ['draft', 'scheduled'];

export function announcementViewStatus(announcement: { status: AnnouncementStatus; expiresAt: string | null }, now: Date): AnnouncementViewStatus {
  if (announcement.status === 'published' && announcement.expiresAt && Date.parse(announcement.expiresAt) <= now.getTime()) return 'expired';
  return announcement.status;
}

export const MAX_ANNOUNCEMENT_TITLE = 60;
export const MAX_ANNOUNCEMENT_BODY_BYTES = 100 * 1024;
export const MAX_ANNOUNCEMENT_ATTACHMENTS = 9;
export const MAX_ANNOUNCEMENT_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ANNOUNCEMENT_ATTACHMENT_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export type AnnouncementAttachmentMimeType = (typeof ANNOUNCEMENT_ATTACHMENT_MIME_TYPES)[number];

const dateTimeSchema = (label: string) => z.iso.datetime({ offset: true, message: `${label}格式不正确` });

const announcementFields = {
  type: z.enum(ANNOUNCEMENT_TYPES, '请选择公告类型'),
  title: z.string('请输入标题').trim().min(2, '请输入标题').max(MAX_ANNOUNCEMENT_TITLE, `标题最多 ${MAX_ANNOUNCEMENT_TITLE} 个字`),
  /** Sanitised by the server against the allowlist in rich-text.ts before it is stored. */
  bodyHtml: z
    .string('请输入正文')
    .trim()
    .min(1, '请输入正文')
    .refine((html) => utf8ByteLength(html) <= MAX_ANNOUNCEMENT_BODY_BYTES, `正文太长（最多 ${MAX_ANNOUNCEMENT_BODY_BYTES / 1024} KB），长篇内容请作为 PDF 附件上传`),
  attachmentIds: z
    .array(objectIdSchema, '附件应为列表')
    .max(MAX_ANNOUNCEMENT_ATTACHMENTS, `附件最多 ${MAX_ANNOUNCEMENT_ATTACHMENTS} 个`)
    .refine((ids) => new Set(ids).size === ids.length, '附件不能重复'),
  pinned: z.boolean('置顶应为是或否'),
  /** 须阅知: who opened it is recorded and the publisher sees who has not. */
  mustRead: z.boolean('须阅知应为是或否'),
  /** The area: the county, a township or a village, inside the publisher's own. */
  divisionCode: divisionCodeSchema,
  /** Null: goes out when published; a later time makes publishing a schedule. */
  publishAt: dateTimeSchema('定时发布时间').nullable(),
  /** Null: never expires. A hazard alert must expire: it stays on top of the home page until then. */
  expiresAt: dateTimeSchema('失效时间').nullable(),
};

type TimedAnnouncement = { type?: AnnouncementType; publishAt?: string | null; expiresAt?: string | null };

function checkTimes(body: TimedAnnouncement, ctx: z.RefinementCtx) {
  if (body.publishAt && body.expiresAt && Date.parse(body.expiresAt) <= Date.parse(body.publishAt)) {
    ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: '失效时间应晚于发布时间' });
  }
}

function hazardAlertExpires(body: TimedAnnouncement, ctx: z.RefinementCtx) {
  if (body.type === 'hazard_alert' && !body.expiresAt) ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: '地质灾害预警请设置失效时间（预警解除的时间）' });
}

export const createAnnouncementBodySchema = z
  .object({
    ...announcementFields,
    attachmentIds: announcementFields.attachmentIds.default([]),
    pinned: announcementFields.pinned.default(false),
    mustRead: announcementFields.mustRead.default(false),
    publishAt: announcementFields.publishAt.default(null),
    expiresAt: announcementFields.expiresAt.default(null),
  })
  .superRefine(checkTimes)
  .superRefine(hazardAlertExpires);

/** No defaults: a partial update must not reset what it leaves out. The server re-checks the times against the stored ones. */
export const updateAnnouncementBodySchema = z
  .object(announcementFields)
  .partial()
  .superRefine(checkTimes)
  .refine((body) => Object.values(body).some((value) => value !== undefined), '请至少修改一项');

export const listAnnouncementsQuerySchema = paginationQuerySchema.extend({
  type: z.enum(ANNOUNCEMENT_TYPES, '公告类型不正确').optional(),
  status: z.enum(ANNOUNCEMENT_VIEW_STATUSES, '状态不正确').optional(),
  /** This division and everything below it. */
  divisionCode: divisionCodeSchema.optional(),
  /** Literal: part of the title. */
  q: z.string('搜索词格式不正确').trim().max(30, '搜索词最多 30 个字').optional(),
});

/** Residents read on weak signal: small pages. */
export const listResidentAnnouncementsQuerySchema = paginationQuerySchema.extend({
  pageSize: z.coerce.number().int('每页条数应为整数').min(1, '每页至少 1 条').max(20, '每页最多 20 条').default(10),
  type: z.enum(ANNOUNCEMENT_TYPES, '公告类型不正确').optional(),
});

export const announcementUnreadQuerySchema = paginationQuerySchema.extend({ villageCode: divisionCodeSchema.optional() });
export const announcementResidentParamsSchema = z.object({ id: objectIdSchema, residentId: objectIdSchema });

/** A resident without a household file chooses the village whose announcements they get. */
export const announcementAreaBodySchema = z.object({
  villageCode: divisionCodeSchema.refine((code) => divisionLevel(code) === 'village', '请选择到村（社区）'),
});

export type CreateAnnouncementBody = z.input<typeof createAnnouncementBodySchema>;
export type UpdateAnnouncementBody = z.input<typeof updateAnnouncementBodySchema>;
export type ListAnnouncementsQuery = z.output<typeof listAnnouncementsQuerySchema>;
export type ListResidentAnnouncementsQuery = z.output<typeof listResidentAnnouncementsQuerySchema>;

export type AnnouncementAttachment = { id: string; name: string; size: number; mimeType: AnnouncementAttachmentMimeType };

export type AnnouncementSummary = {
  id: string;
  type: AnnouncementType;
  title: string;
  status: AnnouncementStatus;
  viewStatus: AnnouncementViewStatus;
  pinned: boolean;
  mustRead: boolean;
  divisionCode: string;
  /** 武定县, 某某镇, or 某某镇某某村. */
  divisionName: string;
  publishAt: string | null;
  publishedAt: string | null;
  expiresAt: string | null;
  withdrawnAt: string | null;
  attachmentCount: number;
  createdBy: string;
  updatedAt: string;
};

export type StaffAnnouncementDetail = AnnouncementSummary & {
  bodyHtml: string;
  attachments: AnnouncementAttachment[];
  /** From the caller's role and area. */
  canEdit: boolean;
  allowedActions: AnnouncementAction[];
  /**
   * A hazard alert: subscribe messages queued for residents of the area who allowed them, and how
   * many of them were never sent because the alert was withdrawn first.
   */
  alert: { queued: number; queuedAt: string | null; cancelled: number } | null;
  createdAt: string;
};

export type ResidentAnnouncementSummary = {
  id: string;
  type: AnnouncementType;
  title: string;
  pinned: boolean;
  mustRead: boolean;
  divisionName: string;
  publishedAt: string;
  expiresAt: string | null;
  /** Plain text, for the list. */
  excerpt: string;
  read: boolean;
};

export type ResidentAnnouncementDetail = Omit<ResidentAnnouncementSummary, 'excerpt'> & { bodyHtml: string; attachments: AnnouncementAttachment[] };

export type ResidentAnnouncementArea = {
  /** From the household file (registrations), or the village the resident chose. */
  source: 'household' | 'chosen';
  villages: { code: string; name: string; townshipCode: string; townshipName: string }[];
};

export type ResidentAnnouncementPage = {
  items: ResidentAnnouncementSummary[];
  total: number;
  page: number;
  pageSize: number;
  /** Null: no household file and no village chosen yet; only county-wide announcements are listed. */
  area: ResidentAnnouncementArea | null;
  unread: number;
};

export type AnnouncementReceipts = {
  audience: number;
  read: number;
  unread: number;
  byVillage: { villageCode: string; villageName: string; audience: number; read: number; unread: number }[];
};

export type AnnouncementUnreadResident = {
  residentId: string;
  villageCode: string;
  villageName: string;
  /** Null when the resident has not bound a phone. */
  phoneMasked: string | null;
  source: 'household' | 'chosen';
};

export const ANNOUNCEMENT_AREA_SOURCE_LABELS: Record<ResidentAnnouncementArea['source'], string> = { household: '搬迁登记', chosen: '自选' };
