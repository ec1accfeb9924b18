import {
  AREA_OFFICE_ROLES,
  assignRequestBodySchema,
  idParamsSchema,
  listOwnRequestsQuerySchema,
  listRequestsQuerySchema,
  rateRequestBodySchema,
  reopenRequestBodySchema,
  replyRequestBodySchema,
  REQUEST_CATEGORY_LABELS,
  requestFilterSchema,
  requestNoteBodySchema,
  requestStatsQuerySchema,
  REQUEST_STATUS_LABELS,
  RELOCATION_STAFF_ROLES,
  type StaffRequestDetail,
  submitRequestBodySchema,
  transferRequestBodySchema,
} from '@anqian/shared';
import { defineRoute, type RouteContext } from '../../routing/define-route';

const resident = { kind: 'resident' } as const;
const consenting = { kind: 'resident', consent: 'personal' } as const;
/** Township staff and the county handle requests; village cadres read their village's and add notes; hr_staff have none. */
const readers = { kind: 'staff', roles: RELOCATION_STAFF_ROLES } as const;
const handlers = { kind: 'staff', roles: AREA_OFFICE_ROLES } as const;
const TAG = 'resident-requests';

const target = (ctx: RouteContext, id: string, detail?: string) => {
  ctx.state.auditTarget = { type: 'resident-request', id, detail };
};

/** The audit record names the request by category and place, and a status change by its labels. */
function outcome(ctx: RouteContext, detail: StaffRequestDetail, before?: StaffRequestDetail['status']): StaffRequestDetail {
  const audit = ctx.state.auditTarget!;
  audit.name = `${REQUEST_CATEGORY_LABELS[detail.category]}·${detail.villageName}`;
  if (before && before !== detail.status) audit.changes = [{ field: '状态', before: REQUEST_STATUS_LABELS[before], after: REQUEST_STATUS_LABELS[detail.status] }];
  return detail;
}

export const residentRequestRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/resident/requests',
    summary: '提交诉求（同一提交凭证重复提交返回同一诉求；最多 10 条未办结）',
    tag: TAG,
    access: consenting,
    body: submitRequestBodySchema,
    // Room for a burst of retries on a weak signal: the key makes them harmless.
    rateLimitPerMinute: 60,
    handler: async (ctx, { body }) => {
      const { request, created } = await ctx.services.residentRequests.submit(ctx.state.residentId!, body);
      ctx.status = created ? 201 : 200;
      return request;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/requests',
    summary: '我的诉求（最新在前）',
    tag: TAG,
    access: resident,
    query: listOwnRequestsQuerySchema,
    handler: (ctx, { query }) => ctx.services.residentRequests.listOwn(ctx.state.residentId!, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/requests/:id',
    summary: '我的诉求详情（进度、答复）',
    tag: TAG,
    access: resident,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.residentRequests.getOwn(ctx.state.residentId!, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/resident/requests/:id/rate',
    summary: '评价答复（1–5 分，只能评价一次）',
    tag: TAG,
    access: resident,
    params: idParamsSchema,
    body: rateRequestBodySchema,
    rateLimitPerMinute: 20,
    handler: (ctx, { params, body }) => ctx.services.residentRequests.rate(ctx.state.residentId!, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/resident/requests/:id/reopen',
    summary: '申请重新处理（答复后 7 天内，一次）',
    tag: TAG,
    access: resident,
    params: idParamsSchema,
    body: reopenRequestBodySchema,
    rateLimitPerMinute: 20,
    handler: (ctx, { params, body }) => ctx.services.residentRequests.reopen(ctx.state.residentId!, params.id, body.reason),
  }),
  defineRoute({
    method: 'post',
    path: '/api/resident/requests/:id/withdraw',
    summary: '撤回诉求（答复前）',
    tag: TAG,
    access: resident,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.residentRequests.withdraw(ctx.state.residentId!, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident-requests',
    summary: '诉求收件箱（本辖区；可按状态、类别、村、超期、分派给我筛选）',
    tag: TAG,
    access: readers,
    query: listRequestsQuerySchema,
    handler: (ctx, { query }) => ctx.services.residentRequests.list(ctx.state.staff!, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident-requests/export',
    summary: '导出诉求列表（.xlsx，筛选条件同收件箱；记入审计）',
    tag: TAG,
    access: handlers,
    query: requestFilterSchema,
    audit: 'resident-request.export',
    handler: async (ctx, { query }) => {
      const { filename, content, rows } = await ctx.services.residentRequests.exportXlsx(ctx.state.staff!, query);
      const used = Object.entries(query).filter(([key, value]) => value !== undefined && key !== 'sort');
      ctx.state.auditTarget = { type: 'resident-request', name: '诉求列表', detail: `${rows} 条；筛选：${used.map(([key, value]) => `${key}=${value}`).join('，') || '无'}` };
      ctx.attachment(filename, { fallback: 'resident-requests.xlsx' });
      ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return content;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident-requests/stats',
    summary: '诉求统计（按类别、乡镇、状态；首次答复用时中位数、按时答复率、满意度）',
    tag: TAG,
    access: readers,
    query: requestStatsQuerySchema,
    handler: (ctx, { query }) => ctx.services.residentRequests.stats(ctx.state.staff!, query.divisionCode),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident-requests/reminders',
    summary: '分派给我、下一个工作日到期的诉求提醒',
    tag: TAG,
    access: handlers,
    handler: async (ctx) => ({ items: await ctx.services.residentRequests.reminders(ctx.state.staff!) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident-requests/:id',
    summary: '诉求详情（含内部备注和办理记录）',
    tag: TAG,
    access: readers,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.residentRequests.get(ctx.state.staff!, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident-requests/:id/assignees',
    summary: '可分派的同事（承办单位的工作人员）',
    tag: TAG,
    access: handlers,
    params: idParamsSchema,
    handler: async (ctx, { params }) => ({ items: await ctx.services.residentRequests.assignees(ctx.state.staff!, params.id) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/resident-requests/:id/assign',
    summary: '分派给同事',
    tag: TAG,
    access: handlers,
    params: idParamsSchema,
    body: assignRequestBodySchema,
    audit: 'resident-request.assign',
    handler: async (ctx, { params, body }) => {
      target(ctx, params.id);
      const detail = await ctx.services.residentRequests.assign(ctx.state.staff!, params.id, body.staffId);
      ctx.state.auditTarget!.detail = `分派给 ${detail.assignee?.name ?? ''}`;
      return outcome(ctx, detail);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/resident-requests/:id/transfer',
    summary: '转办到其他乡镇或县级（须写明原因）',
    tag: TAG,
    access: handlers,
    params: idParamsSchema,
    body: transferRequestBodySchema,
    audit: 'resident-request.transfer',
    handler: async (ctx, { params, body }) => {
      target(ctx, params.id, `转至 ${body.divisionCode}：${body.reason}`);
      const detail = await ctx.services.residentRequests.transfer(ctx.state.staff!, params.id, body);
      ctx.state.auditTarget!.changes = [{ field: '承办单位', before: '', after: detail.handlerName }];
      return outcome(ctx, detail);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/resident-requests/:id/notes',
    summary: '添加内部备注（群众看不到）',
    tag: TAG,
    access: readers,
    params: idParamsSchema,
    body: requestNoteBodySchema,
    audit: 'resident-request.note',
    handler: async (ctx, { params, body }) => {
      target(ctx, params.id);
      return outcome(ctx, await ctx.services.residentRequests.addNote(ctx.state.staff!, params.id, body.text));
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/resident-requests/:id/reply',
    summary: '答复群众（群众可见，并发送订阅消息）',
    tag: TAG,
    access: handlers,
    params: idParamsSchema,
    body: replyRequestBodySchema,
    audit: 'resident-request.reply',
    handler: async (ctx, { params, body }) => {
      target(ctx, params.id, body.text.slice(0, 200));
      const detail = await ctx.services.residentRequests.reply(ctx.state.staff!, params.id, body.text);
      return outcome(ctx, detail);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/resident-requests/:id/close',
    summary: '办结（已答复的诉求）',
    tag: TAG,
    access: handlers,
    params: idParamsSchema,
    audit: 'resident-request.close',
    handler: async (ctx, { params }) => {
      target(ctx, params.id);
      return outcome(ctx, await ctx.services.residentRequests.close(ctx.state.staff!, params.id), 'replied');
    },
  }),
];
