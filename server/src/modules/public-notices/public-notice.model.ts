import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { RESETTLEMENT_TYPES } from '@anqian/shared';

/** What the notice shows for one household: a snapshot taken when it was published, ID masked. */
const entrySchema = new Schema(
  {
    registrationId: { type: Schema.Types.ObjectId, required: true },
    headName: { type: String, required: true },
    headIdNumberMasked: { type: String, required: true },
    memberCount: { type: Number, required: true },
    villageCode: { type: String, required: true },
    villageName: { type: String, required: true },
    resettlementType: { type: String, enum: RESETTLEMENT_TYPES },
  },
  { _id: false },
);

const publicNoticeSchema = new Schema(
  {
    title: { type: String, required: true },
    intro: { type: String, default: '' },
    /** China calendar days, both included. */
    startDate: { type: String, required: true },
    endDate: { type: String, required: true },
    entries: { type: [entrySchema], default: [] },
    /** Villages of the listed households: staff see a notice that touches their area. */
    villageCodes: { type: [String], required: true, index: true },
    publishedById: { type: String, required: true },
    /** The publishing division (e.g. the township), as residents read it. */
    publishedBy: { type: String, required: true },
    publishedAt: { type: Date, required: true },
  },
  { collection: 'public_notices', timestamps: true },
);

export type PublicNoticeRecord = InferSchemaType<typeof publicNoticeSchema> & { _id: Types.ObjectId };

export const publicNoticeModel = (connection: Connection) => connection.model('PublicNotice', publicNoticeSchema);
