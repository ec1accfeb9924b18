import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { ANNOUNCEMENT_ATTACHMENT_MIME_TYPES, ANNOUNCEMENT_STATUSES, ANNOUNCEMENT_TYPES } from '@anqian/shared';

const attachmentRefSchema = new Schema(
  { id: { type: String, required: true }, name: { type: String, required: true }, size: { type: Number, required: true }, mimeType: { type: String, required: true } },
  { _id: false },
);

/** One announcement (通知公告) to an area: the county, a township or a village. */
const announcementSchema = new Schema(
  {
    type: { type: String, enum: ANNOUNCEMENT_TYPES, required: true },
    title: { type: String, required: true },
    bodyHtml: { type: String, required: true },
    attachments: { type: [attachmentRefSchema], default: [] },
    pinned: { type: Boolean, default: false },
    mustRead: { type: Boolean, default: false },
    divisionCode: { type: String, required: true },
    status: { type: String, enum: ANNOUNCEMENT_STATUSES, required: true },
    publishAt: { type: Date, default: null },
    publishedAt: { type: Date, default: null },
    expiresAt: { type: Date, default: null },
    withdrawnAt: { type: Date, default: null },
    createdById: { type: String, required: true },
    createdBy: { type: String, required: true },
    /** Hazard alerts: set once every consenting resident of the area has a message queued. */
    alertQueuedAt: { type: Date, default: null },
    alertQueued: { type: Number, default: 0 },
    /** Messages never sent because the alert was withdrawn first. */
    alertCancelled: { type: Number, default: 0 },
  },
  { collection: 'announcements', timestamps: true },
);
announcementSchema.index({ divisionCode: 1, updatedAt: -1 });
announcementSchema.index({ status: 1, publishAt: 1 });

/** An uploaded PDF or image; the bytes live under UPLOAD_DIR at `path`. */
const announcementAttachmentSchema = new Schema(
  {
    uploaderId: { type: String, required: true },
    name: { type: String, required: true },
    size: { type: Number, required: true },
    mimeType: { type: String, enum: ANNOUNCEMENT_ATTACHMENT_MIME_TYPES, required: true },
    sha256: { type: String, required: true },
    path: { type: String, required: true },
    /** Announcements that list it: who may open it follows from them. */
    announcementIds: { type: [String], default: [] },
  },
  { collection: 'announcement_attachments', timestamps: { createdAt: true, updatedAt: false } },
);

/**
 * A read receipt, keyed `<announcement id>:<resident id>`: the unique `_id` makes opening an
 * announcement any number of times, at once too, one receipt. `villageCode` is the reader's village
 * inside the announcement's area, for counts by village ('' when the resident has none).
 */
const announcementReadSchema = new Schema(
  {
    _id: { type: String, required: true },
    announcementId: { type: String, required: true },
    residentId: { type: String, required: true },
    villageCode: { type: String, default: '' },
    readAt: { type: Date, required: true },
  },
  { collection: 'announcement_reads', versionKey: false },
);
announcementReadSchema.index({ announcementId: 1, villageCode: 1 });
announcementReadSchema.index({ residentId: 1 });

/**
 * Where a resident gets announcements from, keyed by the resident's id: the villages of their
 * registrations (refreshed when they use announcements), or the village they chose while they have
 * none. Hazard alerts and the unread lists reach the residents found here.
 */
const announcementAudienceSchema = new Schema(
  {
    _id: { type: String, required: true },
    source: { type: String, enum: ['household', 'chosen'], required: true },
    villageCodes: { type: [String], required: true },
    townshipCodes: { type: [String], required: true },
    syncedAt: { type: Date, required: true },
  },
  { collection: 'announcement_audience', versionKey: false },
);
announcementAudienceSchema.index({ villageCodes: 1 });
announcementAudienceSchema.index({ townshipCodes: 1 });

export type AnnouncementRecord = InferSchemaType<typeof announcementSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type AnnouncementAttachmentRecord = InferSchemaType<typeof announcementAttachmentSchema> & { _id: Types.ObjectId; createdAt: Date };
export type AnnouncementReadRecord = InferSchemaType<typeof announcementReadSchema> & { _id: string };
export type AnnouncementAudienceRecord = InferSchemaType<typeof announcementAudienceSchema> & { _id: string };

export const announcementModels = (connection: Connection) => ({
  Announcement: connection.model('Announcement', announcementSchema),
  AnnouncementAttachment: connection.model('AnnouncementAttachment', announcementAttachmentSchema),
  AnnouncementRead: connection.model('AnnouncementRead', announcementReadSchema),
  AnnouncementAudience: connection.model('AnnouncementAudience', announcementAudienceSchema),
});
