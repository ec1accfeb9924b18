import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { encryptedFieldSchema } from '../../db/encrypted-field';


const consentEventSchema = new Schema(
  {
    action: { type: String, enum: ['accept', 'withdraw'], required: true },
    version: { type: String, required: true },
    scope: { type: String, enum: ['personal', 'sensitive', 'all'], required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const residentSchema = new Schema(
  {
    openid: { type: String, required: true, unique: true },
    unionid: { type: String, default: null },
    /** WeChat session_key, encrypted; it never leaves the server. */
    sessionKeyEnc: { type: String, default: null },
    phone: { type: encryptedFieldSchema, default: null },
    consent: {
      type: new Schema(
        { version: String, acceptedAt: Date, sensitive: Boolean, sensitiveAcceptedAt: { type: Date, default: null } },
        { _id: false },
      ),
      default: null,
    },
    consentHistory: { type: [consentEventSchema], default: [] },
    /** A village cadre's staff account linked on this WeChat, so they can register households of their village. */
    cadre: {
      type: new Schema({ staffId: { type: String, required: true }, linkedAt: { type: Date, required: true } }, { _id: false }),
      default: null,
    },
    lastLoginAt: { type: Date, default: null },
  },
  { collection: 'residents', timestamps: true },
);

export type ResidentRecord = InferSchemaType<typeof residentSchema> & { _id: Types.ObjectId };

export const residentModel = (connection: Connection) => connection.model('Resident', residentSchema);
