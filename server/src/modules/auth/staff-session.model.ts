import { Schema, type Connection } from 'mongoose';

const staffSessionSchema = new Schema(
  {
    _id: { type: String, required: true }, // SHA-256 of the cookie token
    userId: { type: String, required: true, index: true },
    csrfToken: { type: String, required: true },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true, index: true },
    ip: { type: String, required: true },
  },
  { collection: 'staff_sessions', versionKey: false },
);

export const staffSessionModel = (connection: Connection) => connection.model('StaffSession', staffSessionSchema);
