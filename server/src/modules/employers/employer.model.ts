import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { EMPLOYER_STATUSES } from '@anqian/shared';
import { encryptedFieldSchema } from '../../db/encrypted-field';

/** An employer (用工单位) the human-resources bureau works with; unique by its credit code. */
const employerSchema = new Schema(
  {
    name: { type: String, required: true },
    creditCode: { type: String, required: true, unique: true },
    industry: { type: String, required: true },
    /** A division of the county, or null for an employer outside it. */
    divisionCode: { type: String, default: null },
    address: { type: String, required: true },
    contactName: { type: String, required: true },
    contactPhone: { type: encryptedFieldSchema, required: true },
    status: { type: String, enum: EMPLOYER_STATUSES, required: true, default: 'active' },
  },
  { collection: 'employers', timestamps: true },
);

employerSchema.index({ status: 1 });

export type EmployerRecord = InferSchemaType<typeof employerSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };

export const employerModel = (connection: Connection) => connection.model('Employer', employerSchema);
