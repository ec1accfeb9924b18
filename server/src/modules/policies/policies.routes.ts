import {
  AREA_OFFICE_ROLES,
  createPolicyBodySchema,
  idParamsSchema,
  listPoliciesQuerySchema,
  listResidentPoliciesQuerySchema,
  POLICY_CATEGORY_LABELS,
  POLICY_STATUS_LABELS,
  type PolicyCategory,
  type PolicyStatus,
  policyVersionParamsSchema,
  type StaffPolicyDetail,
  STAFF_ROLES,
  updatePolicyBodySchema,
} from '@anqian/shared';
import { receiveFile } from '../../middleware/multipart';
import { defineRoute, type RouteContext } from '../../routing/define-route';
import { changesBetween } from '../audit/audit-changes';
import type { AttachmentFile } from './policies.service';

const readers = { kind: 'staff', roles: STAFF_ROLES } as const;
const editors = { kind: 'staff', roles: AREA_OFFICE_ROLES } as const;
/** Published policies and their attachments are public: reading them needs no sign-in. */
const published = { kind: 'public' } as const;

const target = (ctx: RouteContext, id?: string, detail?: string) => {
  ctx.state.auditTarget = { type: 'policy', id, detail };
};

type Field = StaffPolicyDetail[keyof StaffPolicyDetail];
const plainText = (html: Field) => String(html).replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();

/** What the audit log compares of a policy document before and after a change. */
const POLICY_AUDIT_FIELDS = {
  title: { label: '标题' },
  category: { label: '类别', format: (value: Field) => POLICY_CATEGORY_LABELS[value as PolicyCategory] },
  issuingBody: { label: '发文机关' },
  documentNumber: { label: '文号' },
  publishDate: { label: '发布日期' },
  effectiveFrom: { label: '生效日期' },
  effectiveTo: { label: '失效日期' },
  status: { label: '状态', format: (value: Field) => POLICY_STATUS_LABELS[value as PolicyStatus] },
  pinned: { label: '置顶' },
  interpretation: { label: '政策解读' },
  bodyHtml: { label: '正文', format: plainText },
  attachments: { label: '附件', format: (value: Field) => (value as StaffPolicyDetail['attachments']).map((file) => file.name).join('、') },
};

/** Runs a change to policy `id`, naming it and recording what changed. */
async function audited(ctx: RouteContext, id: string, change: () => Promise<StaffPolicyDetail>): Promise<StaffPolicyDetail> {
  target(ctx, id);
  const before = await ctx.services.policies.get(ctx.state.staff!, id);
  ctx.state.auditTarget!.name = before.title;
  const after = await change();
  Object.assign(ctx.state.auditTarget!, { name: after.title, changes: changesBetween(before, after, POLICY_AUDIT_FIELDS) });
  return after;
}

/** Inline, under its UTF-8 name (with an ASCII fallback for old clients); never sniffed as anything else. */
function sendPdf(ctx: RouteContext, file: AttachmentFile) {
  const fallback = file.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  ctx.type = 'application/pdf';
  ctx.length = file.size;
  ctx.set('Content-Disposition', `inline; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  ctx.set('Cache-Control', 'private, max-age=3600');
  ctx.set('X-Content-Type-Options', 'nosniff');
  return file.stream;
}

export const policyRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/policies',
    summary: '政策文件列表（草稿仅可编辑者可见；q 搜索标题、文号、解读和正文）',
    tag: 'policies',
    access: readers,
    query: listPoliciesQuerySchema,
    handler: (ctx, { query }) => ctx.services.policies.list(ctx.state.staff!, query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/policies',
    summary: '新建政策文件（草稿；乡镇工作人员只能为本乡镇新建）',
    tag: 'policies',
    access: editors,
    body: createPolicyBodySchema,
    audit: 'policy.create',
    successStatus: 201,
    handler: async (ctx, { body }) => {
      target(ctx);
      ctx.state.auditTarget!.name = body.title;
      const policy = await ctx.services.policies.create(ctx.state.staff!, body);
      ctx.state.auditTarget!.id = policy.id;
      return policy;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/policies/:id',
    summary: '政策文件详情（含历史版本列表）',
    tag: 'policies',
    access: readers,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.policies.get(ctx.state.staff!, params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/policies/:id',
    summary: '修改政策文件（已发布的文件修改内容时保留上一版本）',
    tag: 'policies',
    access: editors,
    params: idParamsSchema,
    body: updatePolicyBodySchema,
    audit: 'policy.update',
    handler: (ctx, { params, body }) => audited(ctx, params.id, () => ctx.services.policies.update(ctx.state.staff!, params.id, body)),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/policies/:id',
    summary: '删除政策草稿（只能删除草稿）',
    tag: 'policies',
    access: editors,
    params: idParamsSchema,
    audit: 'policy.delete',
    handler: async (ctx, { params }) => {
      target(ctx, params.id);
      ctx.state.auditTarget!.name = (await ctx.services.policies.get(ctx.state.staff!, params.id)).title;
      await ctx.services.policies.remove(ctx.state.staff!, params.id);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/policies/:id/publish',
    summary: '发布政策文件（草稿或已归档）',
    tag: 'policies',
    access: editors,
    params: idParamsSchema,
    audit: 'policy.publish',
    handler: (ctx, { params }) => audited(ctx, params.id, () => ctx.services.policies.publish(ctx.state.staff!, params.id)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/policies/:id/archive',
    summary: '归档政策文件',
    tag: 'policies',
    access: editors,
    params: idParamsSchema,
    audit: 'policy.archive',
    handler: (ctx, { params }) => audited(ctx, params.id, () => ctx.services.policies.archive(ctx.state.staff!, params.id)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/policies/:id/versions/:version',
    summary: '政策文件的某一版本',
    tag: 'policies',
    access: readers,
    params: policyVersionParamsSchema,
    handler: (ctx, { params }) => ctx.services.policies.version(ctx.state.staff!, params.id, params.version),
  }),
  defineRoute({
    method: 'post',
    path: '/api/policy-attachments',
    summary: '上传政策附件（multipart 字段 file；PDF，按内容识别，≤ 10 MB）',
    tag: 'policies',
    access: editors,
    audit: 'policy-attachment.upload',
    successStatus: 201,
    handler: async (ctx) => {
      const { policies } = ctx.services;
      const file = await receiveFile(ctx, policies.attachmentReceiveOptions);
      const attachment = await policies.uploadAttachment(ctx.state.staff!, file);
      ctx.state.auditTarget = { type: 'policy-attachment', id: attachment.id, name: attachment.name, detail: `${Math.ceil(attachment.size / 1024)} KB` };
      return attachment;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/policy-attachments/:id',
    summary: '查看政策附件（PDF）',
    tag: 'policies',
    access: readers,
    params: idParamsSchema,
    handler: async (ctx, { params }) => sendPdf(ctx, await ctx.services.policies.openAttachment({ kind: 'staff', actor: ctx.state.staff! }, params.id)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/policies',
    summary: '政策文件（已发布；按类别浏览、按关键词搜索）',
    tag: 'policies',
    access: published,
    query: listResidentPoliciesQuerySchema,
    handler: (ctx, { query }) => ctx.services.policies.listForResident(query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/policies/:id',
    summary: '政策文件全文（已发布或已归档）',
    tag: 'policies',
    access: published,
    params: idParamsSchema,
    handler: (ctx, { params }) => ctx.services.policies.getForResident(params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/policies/:id/versions/:version',
    summary: '政策文件的历史版本',
    tag: 'policies',
    access: published,
    params: policyVersionParamsSchema,
    handler: (ctx, { params }) => ctx.services.policies.versionForResident(params.id, params.version),
  }),
  defineRoute({
    method: 'get',
    path: '/api/resident/policy-attachments/:id',
    summary: '查看政策附件（所属文件已发布或已归档）',
    tag: 'policies',
    access: published,
    params: idParamsSchema,
    handler: async (ctx, { params }) => sendPdf(ctx, await ctx.services.policies.openAttachment({ kind: 'resident' }, params.id)),
  }),
];
