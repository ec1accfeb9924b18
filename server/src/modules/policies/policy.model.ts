import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { POLICY_CATEGORIES, POLICY_STATUSES } from '@anqian/shared';

/**
 * A policy document is kept in three collections so lists stay small (a list reads every row of
 * the library into the search index): `policies` holds exactly what a list row shows,
 * `policy_contents` the body and everything else under the same `_id`, and `policy_versions` each
 * earlier version under `"<policyId>:<version>"`. A detail is two `_id` reads.
 */
const policySchema = new Schema(
  {
    title: { type: String, required: true },
    category: { type: String, enum: POLICY_CATEGORIES, required: true },
    issuingBody: { type: String, required: true },
    documentNumber: { type: String, default: '' },
    publishDate: { type: String, required: true },
    effectiveFrom: { type: String, default: null },
    effectiveTo: { type: String, default: null },
    status: { type: String, enum: POLICY_STATUSES, required: true },
    pinned: { type: Boolean, default: false },
    /** The owner: the county or one township. */
    divisionCode: { type: String, required: true },
    attachmentCount: { type: Number, default: 0 },
    version: { type: Number, required: true, default: 1 },
    publishedAt: { type: Date, default: null },
  },
  { collection: 'policies', timestamps: true },
);

const attachmentRefSchema = new Schema({ id: { type: String, required: true }, name: { type: String, required: true }, size: { type: Number, required: true } }, { _id: false });

const contentFields = {
  bodyHtml: { type: String, required: true },
  interpretation: { type: String, default: '' },
  attachments: { type: [attachmentRefSchema], default: [] },
  /** When and by whom this version's content was saved. */
  editedAt: { type: Date, required: true },
  editedBy: { type: String, required: true },
};

const policyContentSchema = new Schema(
  {
    ...contentFields,
    /** Earlier versions, newest first. */
    history: {
      type: [new Schema({ version: Number, title: String, editedAt: Date, editedBy: String }, { _id: false })],
      default: [],
    },
  },
  { collection: 'policy_contents', versionKey: false },
);

const policyVersionSchema = new Schema(
  {
    _id: { type: String, required: true },
    policyId: { type: String, required: true },
    version: { type: Number, required: true },
    title: { type: String, required: true },
    category: { type: String, enum: POLICY_CATEGORIES, required: true },
    issuingBody: { type: String, required: true },
    documentNumber: { type: String, default: '' },
    publishDate: { type: String, required: true },
    effectiveFrom: { type: String, default: null },
    effectiveTo: { type: String, default: null },
    ...contentFields,
  },
  { collection: 'policy_versions', versionKey: false },
);

/** An uploaded PDF; the bytes live under UPLOAD_DIR at `path`. */
const policyAttachmentSchema = new Schema(
  {
    uploaderId: { type: String, required: true },
    name: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    path: { type: String, required: true },
    /** The owner division of the document it was first attached to: its editors may attach it elsewhere. */
    divisionCode: { type: String, default: null },
    /** Documents that list it, in any version: who may open it follows from them. */
    policyIds: { type: [String], default: [] },
  },
  { collection: 'policy_attachments', timestamps: { createdAt: true, updatedAt: false } },
);

export type PolicyRecord = InferSchemaType<typeof policySchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type PolicyContentRecord = InferSchemaType<typeof policyContentSchema> & { _id: Types.ObjectId };
export type PolicyVersionRecord = InferSchemaType<typeof policyVersionSchema> & { _id: string };
export type PolicyAttachmentRecord = InferSchemaType<typeof policyAttachmentSchema> & { _id: Types.ObjectId; createdAt: Date };

export const policyModels = (connection: Connection) => ({
  Policy: connection.model('Policy', policySchema),
  PolicyContent: connection.model('PolicyContent', policyContentSchema),
  PolicyVersion: connection.model('PolicyVersion', policyVersionSchema),
  PolicyAttachment: connection.model('PolicyAttachment', policyAttachmentSchema),
});
