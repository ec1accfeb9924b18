import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { FOOD_AND_LODGING, JOB_APPLICATION_STATUSES, JOB_CATEGORIES, JOB_POSTING_STATUSES } from '@anqian/shared';
import { encryptedFieldSchema } from '../../db/encrypted-field';

/**
 * A job posting. `openings` is kept equal to `headcount - hired` by every write, so a hire takes
 * a place with one conditional update (`openings > 0`) and never goes past the headcount.
 */
const postingSchema = new Schema(
  {
    employerId: { type: Schema.Types.ObjectId, required: true, index: true },
    title: { type: String, required: true },
    category: { type: String, enum: JOB_CATEGORIES, required: true },
    description: { type: String, default: '' },
    workplace: {
      type: new Schema(
        {
          kind: { type: String, enum: ['county', 'outside'], required: true },
          divisionCode: { type: String, default: null },
          /** The township of `divisionCode`, for "near home" (null at county level or outside). */
          townshipCode: { type: String, default: null },
          province: { type: String, default: null },
          city: { type: String, default: null },
        },
        { _id: false },
      ),
      required: true,
    },
    headcount: { type: Number, required: true },
    hired: { type: Number, required: true, default: 0 },
    openings: { type: Number, required: true },
    pay: {
      type: new Schema(
        {
          kind: { type: String, enum: ['monthly', 'daily', 'piece'], required: true },
          minYuan: { type: Number, default: null },
          maxYuan: { type: Number, default: null },
          yuan: { type: Number, default: null },
          unit: { type: String, default: null },
        },
        { _id: false },
      ),
      required: true,
    },
    /** The lowest monthly pay promised (daily × 22), null for piece rates: the pay sort and filter. */
    payFloor: { type: Number, default: null },
    hours: { type: String, required: true },
    requirements: {
      type: new Schema(
        { ageMin: { type: Number, required: true }, ageMax: { type: Number, required: true }, skills: { type: [String], default: [] }, other: { type: String, default: '' } },
        { _id: false },
      ),
      required: true,
    },
    foodAndLodging: { type: String, enum: FOOD_AND_LODGING, required: true },
    transport: { type: String, default: '' },
    closingDate: { type: String, required: true },
    priorityRelocated: { type: Boolean, required: true },
    status: { type: String, enum: JOB_POSTING_STATUSES, required: true, default: 'draft' },
    closedReason: { type: String, enum: ['manual', 'expired', 'filled', 'employer_suspended', null], default: null },
    publishedAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    createdBy: { type: String, required: true },
  },
  { collection: 'job_postings', timestamps: true },
);

postingSchema.index({ status: 1, publishedAt: -1 });
postingSchema.index({ status: 1, closingDate: 1 });

/** The resident's resume (求职信息): one per resident, `_id` = the resident's id. */
const resumeSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    phone: { type: encryptedFieldSchema, required: true },
    skills: { type: [String], default: [] },
    experience: { type: String, default: '' },
    wantedPayYuan: { type: Number, default: null },
    wantedPlace: { type: String, default: '' },
    availableFrom: { type: String, default: null },
    freeText: { type: String, default: '' },
    /** The household member the resident said they are (`key` as the employment ledger knows them). */
    member: { type: new Schema({ key: String, name: String, relation: String }, { _id: false }), default: null },
  },
  { collection: 'job_resumes', timestamps: true },
);

const applicationEventSchema = new Schema(
  {
    action: { type: String, required: true },
    from: { type: String, default: null },
    to: { type: String, required: true },
    at: { type: Date, required: true },
    message: { type: String, default: '' },
    /** A staff member's display name, or 本人 for the resident. */
    by: { type: String, required: true },
    byId: { type: String, required: true },
  },
  { _id: false },
);

/**
 * One resident's application to one posting: unique on (postingId, residentId), so applying again,
 * however many times at once, finds the same application.
 */
const applicationSchema = new Schema(
  {
    postingId: { type: Schema.Types.ObjectId, required: true },
    residentId: { type: String, required: true },
    status: { type: String, enum: JOB_APPLICATION_STATUSES, required: true },
    /** The resume as sent. */
    resume: {
      type: new Schema(
        {
          name: { type: String, required: true },
          phone: { type: encryptedFieldSchema, required: true },
          age: { type: Number, default: null },
          skills: { type: [String], default: [] },
          experience: { type: String, default: '' },
          wantedPayYuan: { type: Number, default: null },
          wantedPlace: { type: String, default: '' },
          availableFrom: { type: String, default: null },
          freeText: { type: String, default: '' },
        },
        { _id: false },
      ),
      required: true,
    },
    timeline: { type: [applicationEventSchema], default: [] },
    /** Set once the resident is invited to an interview: from then on they see the employer's phone. */
    invitedAt: { type: Date, default: null },
    /** The last time the resident applied (on the server clock): counts it toward a fair held that day. */
    appliedAt: { type: Date, default: null },
  },
  { collection: 'job_applications', timestamps: true },
);

applicationSchema.index({ postingId: 1, residentId: 1 }, { unique: true });
applicationSchema.index({ residentId: 1 });
applicationSchema.index({ postingId: 1, appliedAt: 1 });

export type PostingRecord = InferSchemaType<typeof postingSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type ResumeRecord = InferSchemaType<typeof resumeSchema> & { updatedAt: Date };
export type ApplicationRecord = InferSchemaType<typeof applicationSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };

export const jobModels = (connection: Connection) => ({
  Posting: connection.model('JobPosting', postingSchema),
  Resume: connection.model('JobResume', resumeSchema),
  Application: connection.model('JobApplication', applicationSchema),
});
