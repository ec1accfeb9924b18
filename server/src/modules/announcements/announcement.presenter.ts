import {
  allowedAnnouncementActions,
  type AnnouncementAttachment,
  type AnnouncementAttachmentMimeType,
  type AnnouncementSummary,
  announcementViewStatus,
  type ResidentAnnouncementDetail,
  type ResidentAnnouncementSummary,
  richTextPlainText,
  type StaffAnnouncementDetail,
} from '@anqian/shared';
import type { AnnouncementRecord } from './announcement.model';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);
const EXCERPT_LENGTH = 60;

export const presentAttachments = (record: Pick<AnnouncementRecord, 'attachments'>): AnnouncementAttachment[] =>
  record.attachments.map((file) => ({ id: file.id, name: file.name, size: file.size, mimeType: file.mimeType as AnnouncementAttachmentMimeType }));

export function presentAnnouncementSummary(record: AnnouncementRecord, divisionName: string, now: Date): AnnouncementSummary {
  const expiresAt = iso(record.expiresAt);
  return {
    id: record._id.toString(),
    type: record.type,
    title: record.title,
    status: record.status,
    viewStatus: announcementViewStatus({ status: record.status, expiresAt }, now),
    pinned: record.pinned,
    mustRead: record.mustRead,
    divisionCode: record.divisionCode,
    divisionName,
    publishAt: iso(record.publishAt),
    publishedAt: iso(record.publishedAt),
    expiresAt,
    withdrawnAt: iso(record.withdrawnAt),
    attachmentCount: record.attachments.length,
    createdBy: record.createdBy,
    updatedAt: record.updatedAt.toISOString(),
  };
}

export function presentStaffAnnouncement(record: AnnouncementRecord, divisionName: string, now: Date, canEdit: boolean): StaffAnnouncementDetail {
  return {
    ...presentAnnouncementSummary(record, divisionName, now),
    bodyHtml: record.bodyHtml,
    attachments: presentAttachments(record),
    canEdit,
    allowedActions: canEdit ? allowedAnnouncementActions(record.status) : [],
    alert: record.type === 'hazard_alert' ? { queued: record.alertQueued, queuedAt: iso(record.alertQueuedAt), cancelled: record.alertCancelled } : null,
    createdAt: record.createdAt.toISOString(),
  };
}

export function presentResidentSummary(record: AnnouncementRecord, divisionName: string, read: boolean): ResidentAnnouncementSummary {
  const text = richTextPlainText(record.bodyHtml);
  return {
    id: record._id.toString(),
    type: record.type,
    title: record.title,
    pinned: record.pinned,
    mustRead: record.mustRead,
    divisionName,
    publishedAt: record.publishedAt!.toISOString(),
    expiresAt: iso(record.expiresAt),
    excerpt: text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text,
    read,
  };
}

export function presentResidentDetail(record: AnnouncementRecord, divisionName: string): ResidentAnnouncementDetail {
  const { excerpt: _excerpt, ...summary } = presentResidentSummary(record, divisionName, true);
  return { ...summary, bodyHtml: record.bodyHtml, attachments: presentAttachments(record) };
}
