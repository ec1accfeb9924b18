import type { Readable } from 'node:stream';
import { Types, type Connection } from 'mongoose';
import type { z } from 'zod';
import {
  type createPolicyBodySchema,
  type ErrorDetail,
  type ListPoliciesQuery,
  type ListResidentPoliciesQuery,
  MAX_POLICY_ATTACHMENT_BYTES,
  type Page,
  POLICY_ACTION_RESULT,
  POLICY_VERSIONED_FIELDS,
  type PolicyAttachment,
  type PolicyDetail,
  policyActionAllowed,
  type PolicySummary,
  type PolicyVersion,
  richTextPlainText,
  type StaffPolicyDetail,
  type updatePolicyBodySchema,
} from '@anqian/shared';
import type { StaffActor } from '../../security/staff-actor';
import { createChangeToken, createTokenCache } from '../../db/change-token';
import { isDuplicateKey } from '../../db/duplicate-key';
import { AppError, notFound, validationFailed } from '../../errors';
import { createFileStore } from '../../uploads/file-store';
import type { ReceivedFile, ReceiveOptions } from '../../uploads/received-file';
import type { DivisionsService } from '../divisions/divisions.service';
import { policyModels, type PolicyAttachmentRecord, type PolicyContentRecord, type PolicyRecord, type PolicyVersionRecord } from './policy.model';
import { presentPolicyDetail, presentPolicySummary, presentPolicyVersion, presentStaffPolicyDetail } from './policy.presenter';
import { buildSearchIndex, type PolicySearchIndex } from './policy-search-index';
import { sanitizeRichText } from './rich-text-sanitizer';

type CreateBody = z.output<typeof createPolicyBodySchema>;
type UpdateBody = z.output<typeof updatePolicyBodySchema>;
type AttachmentRef = PolicyAttachment;

export type AttachmentViewer = { kind: 'staff'; actor: StaffActor } | { kind: 'resident' };
export type AttachmentFile = { name: string; size: number; stream: Readable };
/** A policy document cited by a subsidy rule (`field` names the input that cites it). */
export type PolicyCitation = { field: string; policyId: string };

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const MAX_ATTACHMENT_NAME = 100;
const UNATTACHED_ATTACHMENT_TTL_MS = 24 * 60 * 60_000;

const policyNotFound = () => notFound('政策文件不存在');
const changedMeanwhile = () => new AppError('POLICY_TRANSITION_NOT_ALLOWED', '政策文件刚被他人修改，请刷新后再改');

/** Township staff edit their own township's documents; the county admin edits all. */
const mayEdit = (actor: StaffActor, divisionCode: string) =>
  actor.role === 'county_admin' || (actor.role === 'township_staff' && divisionCode === actor.divisionCode);
/** A draft only to those who may edit it; published and archived documents to every staff role. */
const staffMaySee = (actor: StaffActor, policy: { status: string; divisionCode: string }) => policy.status !== 'draft' || mayEdit(actor, policy.divisionCode);
const residentMayOpen = (policy: { status: string }) => policy.status === 'published' || policy.status === 'archived';

/** The uploaded name without any folder, at most 100 characters, keeping the extension. */
export function attachmentName(filename: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (filename.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!base) return '附件.pdf';
  const chars = Array.from(base);
  if (chars.length <= MAX_ATTACHMENT_NAME) return base;
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 && base.length - dot <= 10 ? Array.from(base.slice(dot)) : [];
  return [...chars.slice(0, MAX_ATTACHMENT_NAME - extension.length), ...extension].join('');
}


function paged<T>(items: T[], query: { page: number; pageSize: number }): Page<T> {
  const start = (query.page - 1) * query.pageSize;
  return { items: items.slice(start, start + query.pageSize), total: items.length, page: query.page, pageSize: query.pageSize };
}

function sanitizeBody(html: string): string {
  const clean = sanitizeRichText(html);
  if (!richTextPlainText(clean) && !clean.includes('<img')) throw validationFailed([{ field: 'body.bodyHtml', message: '正文没有可显示的内容' }]);
  return clean;
}

type IndexEntry = { summary: PolicySummary; searchText: string; stamp: string };
type IndexState = { entries: Map<string, IndexEntry>; index: PolicySearchIndex };

/** The policy library: documents, their versions and PDF attachments, and the keyword search. */
export function createPoliciesService(deps: { connection: Connection; divisions: DivisionsService; uploadDir: string }) {
  const { Policy, PolicyContent, PolicyVersion, PolicyAttachment } = policyModels(deps.connection);
  const { divisions } = deps;
  const changes = createChangeToken(deps.connection, 'policies');
  const files = createFileStore(deps.uploadDir, 'policy-attachments');

  const summaryOf = async (policy: PolicyRecord) => presentPolicySummary(policy, await divisions.nameOf(policy.divisionCode));

  /**
   * Lists and searches are served from memory, reloaded when the change token moves: the small
   * list documents are read again, and a body only for documents that changed since.
   */
  const searchIndex = createTokenCache<IndexState>(changes, async (previous) => {
    const policies = await Policy.find({}).lean<PolicyRecord[]>();
    const entries = new Map<string, IndexEntry>();
    const changed: { policy: PolicyRecord; stamp: string }[] = [];
    for (const policy of policies) {
      const stamp = `${policy.updatedAt.getTime()}:${policy.version}:${policy.status}`;
      const known = previous?.entries.get(policy._id.toString());
      if (known?.stamp === stamp) entries.set(policy._id.toString(), known);
      else changed.push({ policy, stamp });
    }
    const contents = await contentsOf(changed.map(({ policy }) => policy._id.toString()));
    for (const { policy, stamp } of changed) {
      const content = contents.get(policy._id.toString());
      const searchText = [policy.title, policy.documentNumber, content?.interpretation ?? '', richTextPlainText(content?.bodyHtml ?? '')].join(' ');
      entries.set(policy._id.toString(), { summary: await summaryOf(policy), searchText, stamp });
    }
    return { entries, index: buildSearchIndex(entries.values()) };
  });

  /** The bodies of the documents `ids`, in one query. */
  async function contentsOf(ids: string[]): Promise<Map<string, Pick<PolicyContentRecord, 'bodyHtml' | 'interpretation'>>> {
    type Text = Pick<PolicyContentRecord, '_id' | 'bodyHtml' | 'interpretation'>;
    const found = await PolicyContent.find({ _id: { $in: ids } }, { bodyHtml: 1, interpretation: 1 }).lean<Text[]>();
    return new Map(found.map((content) => [content._id.toString(), content]));
  }

  async function loadRecord(id: string): Promise<{ policy: PolicyRecord; content: PolicyContentRecord } | null> {
    const [policy, content] = await Promise.all([Policy.findById(id).lean<PolicyRecord>(), PolicyContent.findById(id).lean<PolicyContentRecord>()]);
    return policy && content ? { policy, content } : null;
  }

  async function loadForStaff(actor: StaffActor, id: string) {
    const found = await loadRecord(id);
    if (!found || !staffMaySee(actor, found.policy)) throw policyNotFound();
    return found;
  }

  async function loadEditable(actor: StaffActor, id: string) {
    const found = await loadForStaff(actor, id);
    if (!mayEdit(actor, found.policy.divisionCode)) throw new AppError('OUT_OF_SCOPE', '只能修改本乡镇的政策文件，县级和其他乡镇的文件只能查看');
    return found;
  }

  async function loadForResident(id: string) {
    const found = await loadRecord(id);
    if (!found || !residentMayOpen(found.policy)) throw policyNotFound();
    return found;
  }

  async function staffDetail(actor: StaffActor, policy: PolicyRecord, content: PolicyContentRecord): Promise<StaffPolicyDetail> {
    return presentStaffPolicyDetail(await summaryOf(policy), policy, content, mayEdit(actor, policy.divisionCode));
  }

  /** The owner must be the county or a township of it, and one the caller may write for. */
  async function assertOwner(actor: StaffActor, divisionCode: string): Promise<void> {
    await divisions.assertExists(divisionCode, 'body.divisionCode');
    if (!mayEdit(actor, divisionCode)) throw new AppError('OUT_OF_SCOPE', '只能为本乡镇发布政策文件');
  }

  /**
   * An attachment may be listed by its uploader, on a document that already lists it, or by
   * anyone who may edit documents of the division it was first attached in.
   */
  async function resolveAttachments(actor: StaffActor, ids: string[], policyId: string | null): Promise<PolicyAttachmentRecord[]> {
    const records = await Promise.all(ids.map((id) => PolicyAttachment.findById(id).lean<PolicyAttachmentRecord>()));
    const problems: ErrorDetail[] = [];
    records.forEach((record, index) => {
      const allowed =
        record &&
        (record.uploaderId === actor.id || (policyId !== null && record.policyIds.includes(policyId)) || (record.divisionCode !== null && mayEdit(actor, record.divisionCode)));
      if (!allowed) problems.push({ field: `body.attachmentIds.${index}`, message: '附件不存在或不是您上传的' });
    });
    if (problems.length) throw validationFailed(problems);
    return records as PolicyAttachmentRecord[];
  }

  const refOf = (record: PolicyAttachmentRecord): AttachmentRef => ({ id: record._id.toString(), name: record.name, size: record.size });

  async function markAttached(records: PolicyAttachmentRecord[], policyId: string, divisionCode: string): Promise<void> {
    await Promise.all(
      records.map((record) =>
        PolicyAttachment.updateOne({ _id: record._id }, { $addToSet: { policyIds: policyId }, ...(record.divisionCode === null && { $set: { divisionCode } }) }),
      ),
    );
  }

  async function detach(attachmentIds: string[], policyId: string): Promise<void> {
    await Promise.all(attachmentIds.map((id) => PolicyAttachment.updateOne({ _id: id }, { $pull: { policyIds: policyId } })));
  }

  async function create(actor: StaffActor, body: CreateBody, id = new Types.ObjectId()): Promise<StaffPolicyDetail> {
    await assertOwner(actor, body.divisionCode);
    const bodyHtml = sanitizeBody(body.bodyHtml);
    const attachments = await resolveAttachments(actor, body.attachmentIds, null);
    const now = new Date();
    const content = await PolicyContent.create({
      _id: id,
      bodyHtml,
      interpretation: body.interpretation,
      attachments: attachments.map(refOf),
      editedAt: now,
      editedBy: actor.displayName,
      history: [],
    });
    const policy = await Policy.create({
      _id: id,
      title: body.title,
      category: body.category,
      issuingBody: body.issuingBody,
      documentNumber: body.documentNumber,
      publishDate: body.publishDate,
      effectiveFrom: body.effectiveFrom,
      effectiveTo: body.effectiveTo,
      status: 'draft',
      pinned: body.pinned,
      divisionCode: body.divisionCode,
      attachmentCount: attachments.length,
      version: 1,
      publishedAt: null,
    });
    await markAttached(attachments, id.toString(), body.divisionCode);
    await changes.bump();
    return staffDetail(actor, policy.toObject() as PolicyRecord, content.toObject() as PolicyContentRecord);
  }

  /**
   * A draft is edited in place. A published or archived document keeps its previous content as a
   * version when a versioned field changes: the version is inserted under `"<id>:<version>"` first,
   * so of two concurrent edits only one can claim the version number. The document itself is
   * written only if nobody saved it since it was read (`updatedAt`), and its content after that.
   */
  async function update(actor: StaffActor, id: string, body: UpdateBody): Promise<StaffPolicyDetail> {
    const { policy, content } = await loadEditable(actor, id);
    const policyId = policy._id.toString();
    const divisionCode = body.divisionCode ?? policy.divisionCode;
    if (divisionCode !== policy.divisionCode) await assertOwner(actor, divisionCode);
    const next = {
      title: body.title ?? policy.title,
      category: body.category ?? policy.category,
      issuingBody: body.issuingBody ?? policy.issuingBody,
      documentNumber: body.documentNumber ?? policy.documentNumber,
      publishDate: body.publishDate ?? policy.publishDate,
      effectiveFrom: body.effectiveFrom !== undefined ? body.effectiveFrom : (policy.effectiveFrom ?? null),
      effectiveTo: body.effectiveTo !== undefined ? body.effectiveTo : (policy.effectiveTo ?? null),
      bodyHtml: body.bodyHtml !== undefined ? sanitizeBody(body.bodyHtml) : content.bodyHtml,
      interpretation: body.interpretation ?? content.interpretation,
    };
    const start = next.effectiveFrom ?? next.publishDate;
    if (next.effectiveTo && next.effectiveTo < start) {
      throw validationFailed([{ field: 'body.effectiveTo', message: next.effectiveFrom ? '失效日期不能早于施行日期' : '失效日期不能早于发布日期' }]);
    }
    const added = body.attachmentIds ? await resolveAttachments(actor, body.attachmentIds, policyId) : [];
    const attachments = body.attachmentIds ? added.map(refOf) : content.attachments.map((a) => ({ id: a.id, name: a.name, size: a.size }));

    const before: Record<(typeof POLICY_VERSIONED_FIELDS)[number], unknown> = {
      ...pickVersioned(policy, content),
      attachmentIds: content.attachments.map((a) => a.id).join(','),
    };
    const after: typeof before = { ...next, attachmentIds: attachments.map((a) => a.id).join(',') };
    const contentChanged = POLICY_VERSIONED_FIELDS.some((field) => before[field] !== after[field]);
    const versioned = contentChanged && policy.status !== 'draft';
    const now = new Date();

    if (versioned) {
      try {
        await PolicyVersion.create({
          _id: `${policyId}:${policy.version}`,
          policyId,
          version: policy.version,
          ...pickVersioned(policy, content),
          attachments: content.attachments,
          editedAt: content.editedAt,
          editedBy: content.editedBy,
        });
      } catch (error) {
        if (isDuplicateKey(error)) throw changedMeanwhile();
        throw error;
      }
    }
    const saved = await Policy.findOneAndUpdate(
      { _id: policy._id, version: policy.version, updatedAt: policy.updatedAt },
      {
        $set: {
          title: next.title,
          category: next.category,
          issuingBody: next.issuingBody,
          documentNumber: next.documentNumber,
          publishDate: next.publishDate,
          effectiveFrom: next.effectiveFrom,
          effectiveTo: next.effectiveTo,
          pinned: body.pinned ?? policy.pinned,
          divisionCode,
          attachmentCount: attachments.length,
          version: versioned ? policy.version + 1 : policy.version,
        },
      },
      { new: true },
    ).lean<PolicyRecord>();
    if (!saved) {
      if (versioned) await PolicyVersion.deleteOne({ _id: `${policyId}:${policy.version}` });
      throw changedMeanwhile();
    }
    let savedContent = content;
    if (contentChanged) {
      const set = { bodyHtml: next.bodyHtml, interpretation: next.interpretation, attachments, editedAt: now, editedBy: actor.displayName };
      const entry = { version: policy.version, title: policy.title, editedAt: content.editedAt, editedBy: content.editedBy };
      savedContent =
        (await PolicyContent.findOneAndUpdate({ _id: policy._id }, { $set: set, ...(versioned && { $push: { history: entry } }) }, { new: true }).lean<PolicyContentRecord>()) ??
        content;
    }
    if (body.attachmentIds) {
      await markAttached(added, policyId, divisionCode);
      // An earlier version keeps citing a removed attachment; a draft edited in place does not.
      if (!versioned) {
        const kept = new Set(attachments.map((a) => a.id));
        await detach(content.attachments.map((a) => a.id).filter((attachmentId) => !kept.has(attachmentId)), policyId);
      }
    }
    await changes.bump();
    return staffDetail(actor, saved, savedContent);
  }

  async function transition(actor: StaffActor, id: string, action: 'publish' | 'archive'): Promise<StaffPolicyDetail> {
    const { policy, content } = await loadEditable(actor, id);
    if (!policyActionAllowed(policy.status, action)) throw new AppError('POLICY_TRANSITION_NOT_ALLOWED');
    const firstPublication = action === 'publish' && !policy.publishedAt;
    const set = firstPublication ? { status: POLICY_ACTION_RESULT[action], publishedAt: new Date() } : { status: POLICY_ACTION_RESULT[action] };
    const saved = await Policy.findOneAndUpdate({ _id: policy._id, status: policy.status }, { $set: set }, { new: true }).lean<PolicyRecord>();
    if (!saved) throw new AppError('POLICY_TRANSITION_NOT_ALLOWED');
    await changes.bump();
    return staffDetail(actor, saved, content);
  }

  async function versionOf(found: { policy: PolicyRecord; content: PolicyContentRecord }, version: number, withEditor: boolean): Promise<PolicyVersion> {
    const { policy, content } = found;
    const policyId = policy._id.toString();
    if (version === policy.version) {
      return presentPolicyVersion(policyId, version, true, { ...pickVersioned(policy, content), attachments: content.attachments, editedAt: content.editedAt, editedBy: content.editedBy }, withEditor);
    }
    const stored = version < policy.version ? await PolicyVersion.findById(`${policyId}:${version}`).lean<PolicyVersionRecord>() : null;
    if (!stored) throw notFound('该版本不存在');
    return presentPolicyVersion(policyId, version, false, stored, withEditor);
  }

  return {
    // Staff (admin console)

    async list(actor: StaffActor, query: ListPoliciesQuery): Promise<Page<PolicySummary>> {
      const { index } = await searchIndex();
      const matches = index.search(
        query.q,
        (summary) =>
          staffMaySee(actor, summary) &&
          (!query.status || summary.status === query.status) &&
          (!query.category || summary.category === query.category) &&
          (!query.divisionCode || summary.divisionCode === query.divisionCode),
      );
      return paged(matches, query);
    },

    async get(actor: StaffActor, id: string): Promise<StaffPolicyDetail> {
      const { policy, content } = await loadForStaff(actor, id);
      return staffDetail(actor, policy, content);
    },

    create,
    update,
    publish: (actor: StaffActor, id: string) => transition(actor, id, 'publish'),
    archive: (actor: StaffActor, id: string) => transition(actor, id, 'archive'),

    /** Only a draft, which nobody outside its editors has seen. */
    async remove(actor: StaffActor, id: string): Promise<void> {
      const { policy, content } = await loadEditable(actor, id);
      if (!policyActionAllowed(policy.status, 'delete')) throw new AppError('POLICY_TRANSITION_NOT_ALLOWED');
      const { deletedCount } = await Policy.deleteOne({ _id: policy._id, status: 'draft' });
      if (deletedCount === 0) throw new AppError('POLICY_TRANSITION_NOT_ALLOWED');
      await PolicyContent.deleteOne({ _id: policy._id });
      await detach(content.attachments.map((a) => a.id), policy._id.toString());
      await changes.bump();
    },

    version: async (actor: StaffActor, id: string, version: number) => versionOf(await loadForStaff(actor, id), version, true),

    // Residents (mini-program)

    async listForResident(query: ListResidentPoliciesQuery): Promise<Page<PolicySummary>> {
      const { index } = await searchIndex();
      const matches = index.search(query.q, (summary) => summary.status === 'published' && (!query.category || summary.category === query.category));
      return paged(matches, query);
    },

    async getForResident(id: string): Promise<PolicyDetail> {
      const { policy, content } = await loadForResident(id);
      return presentPolicyDetail(await summaryOf(policy), content);
    },

    versionForResident: async (id: string, version: number) => versionOf(await loadForResident(id), version, false),

    // Attachments

    attachmentReceiveOptions: {
      field: 'file',
      maxBytes: MAX_POLICY_ATTACHMENT_BYTES,
      tempDir: files.tempDir,
      tooLargeMessage: `附件不能超过 ${MAX_POLICY_ATTACHMENT_BYTES / 1024 / 1024} MB，请压缩或拆分后上传`,
      missingMessage: '请选择要上传的 PDF 文件',
    } satisfies ReceiveOptions,

    /** A PDF is what its bytes say (`%PDF-`), never its name or declared type. */
    async uploadAttachment(actor: StaffActor, file: ReceivedFile): Promise<PolicyAttachment> {
      if (!file.head.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
        await file.discard();
        throw new AppError('POLICY_ATTACHMENT_INVALID', undefined, [{ field: 'file', message: '文件内容不是 PDF' }]);
      }
      const id = new Types.ObjectId();
      return files.keep(file, id.toString(), async (relative) => {
        const created = await PolicyAttachment.create({ _id: id, uploaderId: actor.id, name: attachmentName(file.filename), size: file.size, sha256: file.sha256, path: relative });
        return refOf(created.toObject() as PolicyAttachmentRecord);
      });
    },

    /** The PDF, when a document the viewer may open lists it (or a staff member uploaded it); else 404. */
    async openAttachment(viewer: AttachmentViewer, id: string): Promise<AttachmentFile> {
      const record = await PolicyAttachment.findById(id).lean<PolicyAttachmentRecord>();
      if (!record) throw notFound('附件不存在');
      let allowed = viewer.kind === 'staff' && record.uploaderId === viewer.actor.id;
      for (const policyId of record.policyIds) {
        if (allowed) break;
        const policy = await Policy.findById(policyId, { status: 1, divisionCode: 1 }).lean<Pick<PolicyRecord, 'status' | 'divisionCode'>>();
        allowed = Boolean(policy && (viewer.kind === 'staff' ? staffMaySee(viewer.actor, policy) : residentMayOpen(policy)));
      }
      if (!allowed) throw notFound('附件不存在');
      const stored = await files.open(record.path);
      if (!stored) throw notFound('附件不存在');
      return { name: record.name, ...stored };
    },

    // For other modules

    /** Subsidy rules cite documents residents can open: published or archived ones. */
    async assertCitable(citations: PolicyCitation[]): Promise<void> {
      const ids = [...new Set(citations.map((citation) => citation.policyId.toLowerCase()))];
      const found = await Promise.all(ids.map((id) => Policy.findById(id, { status: 1 }).lean<Pick<PolicyRecord, 'status'>>()));
      const citable = new Set(ids.filter((_id, index) => found[index] && residentMayOpen(found[index])));
      const problems = citations
        .filter((citation) => !citable.has(citation.policyId.toLowerCase()))
        .map((citation) => ({ field: citation.field, message: '引用的政策文件不存在或尚未发布' }));
      if (problems.length) throw validationFailed(problems);
    },

    /** Demo seed: stores a published county document under a fixed id, once. */
    async ensurePublished(actor: StaffActor, id: string, body: CreateBody): Promise<void> {
      if (await Policy.exists({ _id: id })) return;
      await create(actor, body, new Types.ObjectId(id));
      await transition(actor, id, 'publish');
    },

    /**
     * Uploads no document lists (never attached, or only by a deleted draft) go a day after their
     * upload, record and file, so abandoned forms do not pile up PDFs.
     */
    async purgeUnattachedAttachments(now = new Date()): Promise<number> {
      const cutoff = new Date(now.getTime() - UNATTACHED_ATTACHMENT_TTL_MS);
      const stale = await PolicyAttachment.find({ policyIds: { $size: 0 }, createdAt: { $lt: cutoff } }, { path: 1 }).lean<PolicyAttachmentRecord[]>();
      let removed = 0;
      for (const attachment of stale) {
        const { deletedCount } = await PolicyAttachment.deleteOne({ _id: attachment._id, policyIds: { $size: 0 } });
        if (deletedCount === 0) continue;
        await files.remove(attachment.path);
        removed += 1;
      }
      return removed;
    },
  };
}

/** The versioned fields kept on the list document and the content document, together. */
function pickVersioned(policy: PolicyRecord, content: Pick<PolicyContentRecord, 'bodyHtml' | 'interpretation'>) {
  return {
    title: policy.title,
    category: policy.category,
    issuingBody: policy.issuingBody,
    documentNumber: policy.documentNumber,
    publishDate: policy.publishDate,
    effectiveFrom: policy.effectiveFrom ?? null,
    effectiveTo: policy.effectiveTo ?? null,
    bodyHtml: content.bodyHtml,
    interpretation: content.interpretation,
  };
}

export type PoliciesService = ReturnType<typeof createPoliciesService>;
