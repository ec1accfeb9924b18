import { idParamsSchema, RELOCATION_STAFF_ROLES } from '@anqian/shared';
import { receiveFile } from '../../middleware/multipart';
import { defineRoute, type RouteContext } from '../../routing/define-route';
import type { PhotoFile } from './photos.service';

const visitStaff = { kind: 'staff', roles: RELOCATION_STAFF_ROLES } as const;

/** Photos are immutable under their id, so the phone may keep them; only this user may. */
function sendPhoto(ctx: RouteContext, photo: PhotoFile) {
  ctx.type = photo.mimeType;
  ctx.length = photo.size;
  ctx.set('Cache-Control', 'private, max-age=86400');
  ctx.set('X-Content-Type-Options', 'nosniff');
  return photo.stream;
}

export const photoRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/resident/photos',
    summary: '居民上传照片（multipart 字段 file；JPG/PNG/WebP，按内容识别，≤ 5 MB）',
    tag: 'photos',
    access: { kind: 'resident', consent: 'personal' },
    rateLimitPerMinute: 60,
    successStatus: 201,
    handler: async (ctx) => {
      const file = await receiveFile(ctx, ctx.services.photos.receiveOptions);
      return ctx.services.photos.store({ kind: 'resident', id: ctx.state.residentId! }, file);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/photos/:id',
    summary: '查看自己上传的照片',
    tag: 'photos',
    access: { kind: 'resident' },
    params: idParamsSchema,
    handler: async (ctx, { params }) => sendPhoto(ctx, await ctx.services.photos.open({ kind: 'resident', id: ctx.state.residentId! }, params.id)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/photos',
    summary: '工作人员上传照片（入户核实，multipart 字段 file）',
    tag: 'photos',
    access: visitStaff,
    audit: 'photo.upload',
    successStatus: 201,
    handler: async (ctx) => {
      const file = await receiveFile(ctx, ctx.services.photos.receiveOptions);
      const ref = await ctx.services.photos.store({ kind: 'staff', id: ctx.state.staff!.id }, file);
      ctx.state.auditTarget = { type: 'photo', id: ref.id, detail: `${ref.mimeType} ${ref.size}` };
      return ref;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/photos/:id',
    summary: '查看照片（所属登记在本辖区内，或本人上传尚未使用）',
    tag: 'photos',
    access: visitStaff,
    params: idParamsSchema,
    handler: async (ctx, { params }) => sendPhoto(ctx, await ctx.services.photos.open({ kind: 'staff', actor: ctx.state.staff! }, params.id)),
  }),
];
