import {
  AREA_OFFICE_ROLES,
  COUNTY_ADMIN_ROLES,
  residentTownshipContactsQuerySchema,
  setTownshipContactBodySchema,
  townshipCodeParamsSchema,
} from '@anqian/shared';
import { defineRoute } from '../../routing/define-route';

export const townshipContactRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/township-contacts',
    summary: '乡镇办公电话（本辖区的乡镇）',
    tag: 'township-contacts',
    access: { kind: 'staff', roles: AREA_OFFICE_ROLES },
    handler: (ctx) => ctx.services.townshipContacts.listForStaff(ctx.state.staff!),
  }),
  defineRoute({
    method: 'put',
    path: '/api/township-contacts/:code',
    summary: '设置乡镇办公电话（空值为清除）',
    tag: 'township-contacts',
    access: { kind: 'staff', roles: COUNTY_ADMIN_ROLES },
    params: townshipCodeParamsSchema,
    body: setTownshipContactBodySchema,
    audit: 'township-contact.update',
    handler: async (ctx, { params, body }) => {
      ctx.state.auditTarget = { type: 'township', id: params.code };
      const { contact, previous } = await ctx.services.townshipContacts.set(ctx.state.staff!, params.code, body.officePhone);
      ctx.state.auditTarget = {
        ...ctx.state.auditTarget,
        name: contact.townshipName,
        changes: [{ field: '办公电话', before: previous ?? '', after: contact.officePhone ?? '' }],
      };
      return contact;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/township-contacts',
    summary: '乡镇办公电话（默认：我登记所在的乡镇）',
    tag: 'township-contacts',
    access: { kind: 'resident' },
    query: residentTownshipContactsQuerySchema,
    handler: (ctx, { query }) => ctx.services.townshipContacts.forResident(ctx.state.residentId!, query.villageCode),
  }),
];
