import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/**
 * A township office's phone, kept by county staff (`_id` is the township's division code). An
 * office number, not personal data: stored in the clear and shown to residents in full.
 */
const townshipContactSchema = new Schema(
  {
    _id: { type: String, required: true },
    officePhone: { type: String, default: null },
    updatedAt: { type: Date, required: true },
    updatedById: { type: String, required: true },
    updatedByName: { type: String, required: true },
  },
  { collection: 'township_contacts', versionKey: false },
);

export type TownshipContactRecord = InferSchemaType<typeof townshipContactSchema> & { _id: string };

export const townshipContactModel = (connection: Connection) => connection.model('TownshipContact', townshipContactSchema);
