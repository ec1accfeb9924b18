import {
  announcementAreaBodySchema,
  announcementResidentParamsSchema,
  ANNOUNCEMENT_STATUS_LABELS,
  ANNOUNCEMENT_TYPE_LABELS,
  announcementUnreadQuerySchema,
  type AnnouncementType,
  type AnnouncementViewStatus,
  createAnnouncementBodySchema,
  idParamsSchema,
  listAnnouncementsQuerySchema,
  listResidentAnnouncementsQuerySchema,
  richTextPlainText,
  type StaffAnnouncementDetail,
  STAFF_ROLES,
  updateAnnouncementBodySchema,
} from '@anqian/shared';
import { receiveFile } from '../../middleware/multipart';
import { defineRoute, type RouteContext } from '../../routing/define-route';
import { changesBetween } from '../audit/audit-changes';
import type { AnnouncementFile } from './announcements.service';

/**
 * Every staff role publishes something: area offices and village cadres to their own area, the
 * human-resources bureau job and training notices to the county. The service decides by area and type.
 */
const staff = { kind: 'staff', roles: STAFF_ROLES } as const;
/** Announcements are for the residents of an area: their own area comes from their account. */
const resident = { kind: 'resident' } as const;

type Field = StaffAnnouncementDetail[keyof StaffAnnouncementDetail];
const AUDIT_FIELDS = {
  type: { label: '类型', format: (value: Field) => ANNOUNCEMENT_TYPE_LABELS[value as AnnouncementType] },
  title: { label: '标题' },
  bodyHtml: { label: '正文', format: (value: Field) => richTextPlainText(String(value)) },
  divisionName: { label: '发布范围' },
  pinned: { label: '置顶' },
  mustRead: { label: '须阅知' },
  publishAt: { label: '定时发布时间' },
  expiresAt: { label: '失效时间' },
  viewStatus: { label: '状态', format: (value: Field) => ANNOUNCEMENT_STATUS_LABELS[value as AnnouncementViewStatus] },
  attachments: { label: '附件', format: (value: Field) => (value as StaffAnnouncementDetail['attachments']).map((file) => file.name).join('、') },
};

async function audited(ctx: RouteContext, id: string, change: () => Promise<StaffAnnouncementDetail>): Promise<StaffAnnouncementDetail> {
  ctx.state.auditTarget = { type: 'announcement', id };
  const before = await ctx.services.announcements.get(ctx.state.staff!, id);
  ctx.state.auditTarget.name = before.title;
  const after = await change();
  Object.assign(ctx.state.auditTarget, { name: after.title, changes: changesBetween(before, after, AUDIT_FIELDS) });
  return after;
}

/** Inline under its UTF-8 name; never sniffed as anything but its checked type. */
function sendFile(ctx: RouteContext, file: AnnouncementFile) {
  const fallback = file.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  ctx.type = file.mimeType;
  ctx.length = file.size;
  ctx.set('Content-Disposition', `inline; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  ctx.set('Cache-Control', 'private, max-age=3600');
  ctx.set('X-Content-Type-Options', 'nosniff');
  return file.stream;
}

export const announcementRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/announcements',
    summary: '通知公告列表（本辖区；按类型、状态、范围筛选）',
    tag: 'announcements',
    access: staff,
    query: listAnnouncementsQuerySchema,
    handler: (ctx, { query }) => ctx.services.announcements.list(ctx.state.staff!, query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/announcements',
    summary: '新建通知公告（草稿；只能发往本辖区，人社局只能向全县发通知和政策宣传）',
    tag: 'announcements',
    access: staff,
    body: createAnnouncementBodySchema,
    audit: 'announcement.create',
    successStatus: 201,
    handler: async (ctx, { body }) => {
      ctx.state.auditTarget = { type: 'announcement', name: body.title };
      const created = await ctx.services.announcements.create(ctx.state.staff!, body);
      ctx.state.auditTarget.id = created.id;
      return created;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/announcements/:id',
    summary: '通知公告详情',
    tag: 'announcements',
    access: staff,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.announcements.get(ctx.state.staff!, params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/announcements/:id',
    summary: '修改通知公告（草稿或待发布）',
    tag: 'announcements',
    access: staff,
    params: idParamsSchema,
    body: updateAnnouncementBodySchema,
    audit: 'announcement.update',
    handler: (ctx, { params, body }) => audited(ctx, params.id, () => ctx.services.announcements.update(ctx.state.staff!, params.id, body)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/announcements/:id/publish',
    summary: '发布（设置了以后的发布时间则定时发布；地质灾害预警发布时立即给该范围内同意接收的群众排队发送订阅消息）',
    tag: 'announcements',
    access: staff,
    params: idParamsSchema,
    audit: 'announcement.publish',
    handler: (ctx, { params }) => audited(ctx, params.id, () => ctx.services.announcements.publish(ctx.state.staff!, params.id)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/announcements/:id/unschedule',
    summary: '取消定时发布（回到草稿）',
    tag: 'announcements',
    access: staff,
    params: idParamsSchema,
    audit: 'announcement.unschedule',
    handler: (ctx, { params }) => audited(ctx, params.id, () => ctx.services.announcements.unschedule(ctx.state.staff!, params.id)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/announcements/:id/withdraw',
    summary: '撤回已发布的通知公告（群众不再看到）',
    tag: 'announcements',
    access: staff,
    params: idParamsSchema,
    audit: 'announcement.withdraw',
    handler: (ctx, { params }) => audited(ctx, params.id, () => ctx.services.announcements.withdraw(ctx.state.staff!, params.id)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/announcements/:id/receipts',
    summary: '阅读回执：范围内群众已读、未读人数（按村）',
    tag: 'announcements',
    access: staff,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.announcements.receipts(ctx.state.staff!, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/announcements/:id/unread',
    summary: '未读群众名单（手机号打码；可按村筛选）',
    tag: 'announcements',
    access: staff,
    params: idParamsSchema,
    query: announcementUnreadQuerySchema,
    handler: (ctx, { params, query }) => ctx.services.announcements.unreadResidents(ctx.state.staff!, params.id, query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/announcements/:id/unread/:residentId/reveal-phone',
    summary: '查看未读群众的完整手机号（记录审计）',
    tag: 'announcements',
    access: staff,
    params: announcementResidentParamsSchema,
    audit: 'announcement.reveal-phone',
    handler: async (ctx, { params }) => {
      ctx.state.auditTarget = { type: 'announcement', id: params.id, detail: `群众 ${params.residentId}` };
      const { phone, title } = await ctx.services.announcements.revealPhone(ctx.state.staff!, params.id, params.residentId);
      ctx.state.auditTarget.name = title;
      return { phone };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/announcement-attachments',
    summary: '上传公告附件（multipart 字段 file；PDF 或 JPG、PNG、WebP 图片，按内容识别，≤ 10 MB）',
    tag: 'announcements',
    access: staff,
    audit: 'announcement-attachment.upload',
    successStatus: 201,
    handler: async (ctx) => {
      const { announcements } = ctx.services;
      const file = await receiveFile(ctx, announcements.attachmentReceiveOptions);
      const attachment = await announcements.uploadAttachment(ctx.state.staff!, file);
      ctx.state.auditTarget = { type: 'announcement-attachment', id: attachment.id, name: attachment.name, detail: `${Math.ceil(attachment.size / 1024)} KB` };
      return attachment;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/announcement-attachments/:id',
    summary: '查看公告附件',
    tag: 'announcements',
    access: staff,
    params: idParamsSchema,
    handler: async (ctx, { params }) => sendFile(ctx, await ctx.services.announcements.openAttachment({ kind: 'staff', actor: ctx.state.staff! }, params.id)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/announcements',
    summary: '我的通知公告：本村、本乡镇和全县的公告，置顶在前、最新在前，标出未读',
    tag: 'announcements',
    access: resident,
    query: listResidentAnnouncementsQuerySchema,
    handler: (ctx, { query }) => ctx.services.announcements.listForResident(ctx.state.residentId!, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/announcements/alert',
    summary: '首页置顶的地质灾害预警（本人所在范围内、未过期的最新一条；没有时为 null）',
    tag: 'announcements',
    access: resident,
    handler: (ctx) => ctx.services.announcements.liveAlert(ctx.state.residentId!),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/announcements/:id',
    summary: '通知公告全文（打开即记为已读）',
    tag: 'announcements',
    access: resident,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.announcements.getForResident(ctx.state.residentId!, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/announcement-area',
    summary: '接收通知的村（来自搬迁登记，或本人选择；都没有时为 null）',
    tag: 'announcements',
    access: resident,
    handler: (ctx) => ctx.services.announcements.area(ctx.state.residentId!),
  }),
  defineRoute({
    method: 'put',
    path: '/api/resident/announcement-area',
    summary: '没有搬迁登记的群众选择所在的村，接收本村、本乡镇的通知',
    tag: 'announcements',
    access: { kind: 'resident', consent: 'personal' },
    body: announcementAreaBodySchema,
    rateLimitPerMinute: 10,
    handler: (ctx, { body }) => ctx.services.announcements.chooseArea(ctx.state.residentId!, body.villageCode),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/announcement-attachments/:id',
    summary: '查看公告附件（所属公告本人可见时）',
    tag: 'announcements',
    access: resident,
    params: idParamsSchema,
    handler: async (ctx, { params }) => sendFile(ctx, await ctx.services.announcements.openAttachment({ kind: 'resident', id: ctx.state.residentId! }, params.id)),
  }),
];
