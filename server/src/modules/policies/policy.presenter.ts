import {
  policyActionAllowed,
  POLICY_ACTIONS,
  type PolicyAttachment,
  type PolicyDetail,
  type PolicySummary,
  type PolicyVersion,
  type StaffPolicyDetail,
} from '@anqian/shared';
import type { PolicyContentRecord, PolicyRecord, PolicyVersionRecord } from './policy.model';

export function presentPolicySummary(policy: PolicyRecord, divisionName: string): PolicySummary {
  return {
    id: policy._id.toString(),
    title: policy.title,
    category: policy.category,
    issuingBody: policy.issuingBody,
    documentNumber: policy.documentNumber,
    publishDate: policy.publishDate,
    effectiveFrom: policy.effectiveFrom ?? null,
    effectiveTo: policy.effectiveTo ?? null,
    status: policy.status,
    pinned: policy.pinned,
    divisionCode: policy.divisionCode,
    divisionName,
    attachmentCount: policy.attachmentCount,
    version: policy.version,
    publishedAt: policy.publishedAt ? policy.publishedAt.toISOString() : null,
    updatedAt: policy.updatedAt.toISOString(),
  };
}

/** Stored oldest first (appended on each version). */
const newestFirst = (content: PolicyContentRecord) => [...content.history].reverse();

const attachmentsOf = (content: Pick<PolicyContentRecord, 'attachments'>): PolicyAttachment[] =>
  content.attachments.map((attachment) => ({ id: attachment.id, name: attachment.name, size: attachment.size }));

export function presentPolicyDetail(summary: PolicySummary, content: PolicyContentRecord): PolicyDetail {
  return {
    ...summary,
    bodyHtml: content.bodyHtml,
    interpretation: content.interpretation,
    attachments: attachmentsOf(content),
    history: newestFirst(content).map((entry) => ({ version: entry.version!, title: entry.title!, editedAt: entry.editedAt!.toISOString() })),
  };
}

export function presentStaffPolicyDetail(summary: PolicySummary, policy: PolicyRecord, content: PolicyContentRecord, canEdit: boolean): StaffPolicyDetail {
  return {
    ...presentPolicyDetail(summary, content),
    history: newestFirst(content).map((entry) => ({
      version: entry.version!,
      title: entry.title!,
      editedAt: entry.editedAt!.toISOString(),
      editedBy: entry.editedBy!,
    })),
    editedBy: content.editedBy,
    createdAt: policy.createdAt.toISOString(),
    canEdit,
    allowedActions: canEdit ? POLICY_ACTIONS.filter((action) => policyActionAllowed(policy.status, action)) : [],
  };
}

type VersionSource = Omit<PolicyVersionRecord, '_id' | 'policyId' | 'version'>;

/** The current content or a stored earlier version, as it read then; `editedBy` only for staff. */
export function presentPolicyVersion(policyId: string, version: number, current: boolean, source: VersionSource, withEditor: boolean): PolicyVersion {
  return {
    policyId,
    version,
    current,
    title: source.title,
    category: source.category,
    issuingBody: source.issuingBody,
    documentNumber: source.documentNumber,
    publishDate: source.publishDate,
    effectiveFrom: source.effectiveFrom ?? null,
    effectiveTo: source.effectiveTo ?? null,
    bodyHtml: source.bodyHtml,
    interpretation: source.interpretation,
    attachments: attachmentsOf(source),
    editedAt: source.editedAt.toISOString(),
    ...(withEditor && { editedBy: source.editedBy }),
  };
}
