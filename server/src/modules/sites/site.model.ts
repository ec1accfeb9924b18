import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { CONSTRUCTION_STATUSES, SITE_FACILITIES, SITE_TYPES } from '@anqian/shared';

/**
 * A resettlement site. `remaining` is kept equal to `capacity - assigned` by every write, so a
 * place can be reserved with one conditional update (`remaining > 0`) and never overbooked.
 */
const siteSchema = new Schema(
  {
    name: { type: String, required: true },
    townshipCode: { type: String, required: true, index: true },
    type: { type: String, enum: SITE_TYPES, required: true },
    capacity: { type: Number, required: true },
    assigned: { type: Number, required: true, default: 0 },
    remaining: { type: Number, required: true },
    facilities: { type: [{ type: String, enum: SITE_FACILITIES }], default: [] },
    constructionStatus: { type: String, enum: CONSTRUCTION_STATUSES, required: true },
    address: { type: String, default: '' },
  },
  { collection: 'sites', timestamps: true },
);

export type SiteRecord = InferSchemaType<typeof siteSchema> & { _id: Types.ObjectId; updatedAt: Date };

export const siteModel = (connection: Connection) => connection.model('Site', siteSchema);
