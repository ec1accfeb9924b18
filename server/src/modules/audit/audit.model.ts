import { Schema, type Connection, type InferSchemaType } from 'mongoose';

const auditSchema = new Schema(
  {
    at: { type: Date, required: true, default: () => new Date() },
    actorId: { type: String, default: null },
    actorName: { type: String, required: true },
    role: { type: String, default: null },
    divisionCode: { type: String, default: null },
    ip: { type: String, required: true },
    action: { type: String, required: true },
    targetType: { type: String, default: null },
    targetId: { type: String, default: null },
    targetName: { type: String, default: null },
    result: { type: String, enum: ['success', 'failure'], required: true },
    detail: { type: String, default: null },
    changes: { type: [new Schema({ field: String, before: String, after: String }, { _id: false })], default: undefined },
  },
  { collection: 'audit_logs', versionKey: false },
);
auditSchema.index({ at: -1 });
auditSchema.index({ action: 1, at: -1 });

export type AuditRecord = InferSchemaType<typeof auditSchema>;

export const auditModel = (connection: Connection) => connection.model('AuditLog', auditSchema);
