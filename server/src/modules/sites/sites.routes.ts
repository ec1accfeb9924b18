import {
  COUNTY_ADMIN_ROLES,
  idParamsSchema,
  listSitesQuerySchema,
  RELOCATION_STAFF_ROLES,
  siteBodySchema,
  updateSiteBodySchema,
} from '@anqian/shared';
import { defineRoute } from '../../routing/define-route';

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
      ctx.state.auditTarget = { type: 'site', detail: `${body.name} ${body.capacity}` };
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
    handler: (ctx, { params, body }) => {
      ctx.state.auditTarget = { type: 'site', id: params.id, detail: JSON.stringify(body) };
      return ctx.services.sites.update(params.id, body);
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
