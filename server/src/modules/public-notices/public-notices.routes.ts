import {
  AREA_OFFICE_ROLES,
  createPublicNoticeBodySchema,
  idParamsSchema,
  listPublicNoticesQuerySchema,
  NOTICE_PERIOD_LABEL,
  RELOCATION_STAFF_ROLES,
} from '@anqian/shared';
import { defineRoute } from '../../routing/define-route';

const readers = { kind: 'staff', roles: RELOCATION_STAFF_ROLES } as const;

export const publicNoticeRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/public-notices',
    summary: '公示列表（涉及本辖区的）',
    tag: 'public-notices',
    access: readers,
    query: listPublicNoticesQuerySchema,
    handler: (ctx, { query }) => ctx.services.publicNotices.list(ctx.state.staff!, query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/public-notices',
    summary: '发布公示（所选已核实登记进入公示）',
    tag: 'public-notices',
    access: { kind: 'staff', roles: AREA_OFFICE_ROLES },
    body: createPublicNoticeBodySchema,
    periods: [{ start: 'startDate', end: 'endDate', label: NOTICE_PERIOD_LABEL, minDays: (config) => config.noticeMinDays }],
    audit: 'public-notice.create',
    successStatus: 201,
    handler: async (ctx, { body }) => {
      ctx.state.auditTarget = { type: 'public-notice', detail: `${body.registrationIds.length} 户 ${body.startDate}~${body.endDate}` };
      const notice = await ctx.services.publicNotices.create(ctx.state.staff!, body);
      ctx.state.auditTarget.id = notice.id;
      return notice;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/public-notices/period-rule',
    summary: '公示期规则（今天的日期和最短公示天数），发起公示时用',
    tag: 'public-notices',
    access: { kind: 'staff', roles: AREA_OFFICE_ROLES },
    handler: (ctx) => ctx.services.publicNotices.periodRule(),
  }),
  defineRoute({
    method: 'get',
    path: '/api/public-notices/:id',
    summary: '公示详情',
    tag: 'public-notices',
    access: readers,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.publicNotices.get(ctx.state.staff!, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/public-notices/:id/pdf',
    summary: '公示 PDF（A4，张贴用；服务器没有中文字体时 503，请用打印页）',
    tag: 'public-notices',
    access: readers,
    params: idParamsSchema,
    handler: async (ctx, { params }) => {
      const { title, pdf } = await ctx.services.publicNotices.pdf(ctx.state.staff!, params.id);
      const name = `${title}.pdf`;
      ctx.type = 'application/pdf';
      ctx.set('Content-Disposition', `attachment; filename="notice.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`);
      ctx.set('Cache-Control', 'private, no-store');
      return pdf;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/public-notices',
    summary: '公示（默认：我登记所在村）',
    tag: 'public-notices',
    access: { kind: 'resident' },
    query: listPublicNoticesQuerySchema,
    handler: (ctx, { query }) => ctx.services.publicNotices.listForResident(ctx.state.residentId!, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/public-notices/:id',
    summary: '公示详情（身份证号已脱敏）',
    tag: 'public-notices',
    access: { kind: 'resident' },
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.publicNotices.getForResident(params.id),
  }),
];
