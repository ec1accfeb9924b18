import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { PHOTO_MIME_TYPES } from '@anqian/shared';

/**
 * An uploaded photo. The bytes live under UPLOAD_DIR at `path`; the document says who uploaded
 * them and, once a registration or visit uses them, which one (`attachedTo`, for good) and the
 * village whose staff may see them.
 */
const photoSchema = new Schema(
  {
    owner: {
      type: new Schema({ kind: { type: String, enum: ['resident', 'staff'], required: true }, id: { type: String, required: true } }, { _id: false }),
      required: true,
    },
    mimeType: { type: String, enum: PHOTO_MIME_TYPES, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    /** Relative to UPLOAD_DIR. */
    path: { type: String, required: true },
    divisionCode: { type: String, default: null },
    /** Null until attached; the maintenance job removes photos never attached. */
    attachedAt: { type: Date, default: null },
    /** What the photo was attached to, e.g. `registration:<id>`; it cannot be attached anywhere else. */
    attachedTo: { type: String, default: null },
  },
  { collection: 'photos', timestamps: { createdAt: true, updatedAt: false } },
);

photoSchema.index({ attachedAt: 1, createdAt: 1 });

export type PhotoRecord = InferSchemaType<typeof photoSchema> & { _id: Types.ObjectId; createdAt: Date };

export const photoModel = (connection: Connection) => connection.model('Photo', photoSchema);
