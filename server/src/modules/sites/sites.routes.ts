import {
  CONSTRUCTION_STATUS_LABELS,
  COUNTY_ADMIN_ROLES,
  idParamsSchema,
  listSitesQuerySchema,
  RELOCATION_STAFF_ROLES,
  type Site,
  SITE_FACILITY_LABELS,
  SITE_TYPE_LABELS,
  siteBodySchema,
  updateSiteBodySchema,
} from '@anqian/shared';
import { defineRoute } from '../../routing/define-route';
import { changesBetween } from '../audit/audit-changes';

/** What the audit log compares of a site before and after a change. */
const SITE_AUDIT_FIELDS = {
  name: { label: '名称' },
  townshipName: { label: '所在乡镇' },
  type: { label: '类型', format: (value: Site[keyof Site]) => SITE_TYPE_LABELS[value as Site['type']] },
  capacity: { label: '可安置户数' },
  facilities: { label: '配套设施', format: (value: Site[keyof Site]) => (value as Site['facilities']).map((item) => SITE_FACILITY_LABELS[item]).join('、') },
  constructionStatus: { label: '建设状态', format: (value: Site[keyof Site]) => CONSTRUCTION_STATUS_LABELS[value as Site['constructionStatus']] },
  address: { label: '地址' },
};

const readers = { kind: 'staff', roles: RELOCATION_STAFF_ROLES } as const;
const countyAdmin = { kind: 'staff', roles: COUNTY_ADMIN_ROLES } as const;

export const siteRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/sites',
    summary: '安置点列表',
    tag: 'sites',
    access: readers,
    query: listSitesQuerySchema,
    handler: (ctx, { query }) => ctx.services.sites.list(query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/sites',
    summary: '新建安置点',
    tag: 'sites',
    access: countyAdmin,
    body: siteBodySchema,
    audit: 'site.create',
    successStatus: 201,
    handler: async (ctx, { body }) => {
      ctx.state.auditTarget = { type: 'site', name: body.name, detail: `可安置 ${body.capacity} 户` };
      const site = await ctx.services.sites.create(body);
      ctx.state.auditTarget.id = site.id;
      return site;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/sites/:id',
    summary: '安置点详情',
    tag: 'sites',
    access: readers,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.sites.get(params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/sites/:id',
    summary: '修改安置点（可安置户数不能少于已分配户数）',
    tag: 'sites',
    access: countyAdmin,
    params: idParamsSchema,
    body: updateSiteBodySchema,
    audit: 'site.update',
    handler: async (ctx, { params, body }) => {
      ctx.state.auditTarget = { type: 'site', id: params.id };
      const before = await ctx.services.sites.get(params.id);
      const after = await ctx.services.sites.update(params.id, body);
      Object.assign(ctx.state.auditTarget, { name: after.name, changes: changesBetween(before, after, SITE_AUDIT_FIELDS) });
      return after;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/sites',
    summary: '安置点（意向安置点选择）',
    tag: 'sites',
    access: { kind: 'resident' },
    handler: (ctx) => ctx.services.sites.all(),
  }),
];
