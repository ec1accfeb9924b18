import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { STAFF_ROLES } from '@anqian/shared';
import { encryptedFieldSchema } from '../../db/encrypted-field';


const staffUserSchema = new Schema(
  {
    username: { type: String, required: true, unique: true },
    displayName: { type: String, required: true },
    role: { type: String, enum: STAFF_ROLES, required: true },
    divisionCode: { type: String, required: true, index: true },
    phone: { type: encryptedFieldSchema, default: null },
    status: { type: String, enum: ['active', 'disabled'], required: true, default: 'active' },
    canExportPersonalData: { type: Boolean, required: true, default: false },
    passwordHash: { type: String, required: true },
    /** Hashes of the last five passwords, newest first, current one included. */
    passwordHistory: { type: [String], default: [] },
    passwordChangedAt: { type: Date, required: true },
    /** Set when the next sign-in must change the password before doing anything else. */
    passwordChangeReason: { type: String, enum: ['first_login', 'reset', null], default: null },
    lastLoginAt: { type: Date, default: null },
    createdBy: { type: String, default: null },
  },
  { collection: 'staff_users', timestamps: true },
);

export type StaffUserRecord = InferSchemaType<typeof staffUserSchema> & { _id: Types.ObjectId };

export const staffUserModel = (connection: Connection) => connection.model('StaffUser', staffUserSchema);
