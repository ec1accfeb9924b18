import { Schema, type Connection } from 'mongoose';

const residentSessionSchema = new Schema(
  {
    _id: { type: String, required: true }, // SHA-256 of the access token
    refreshHash: { type: String, required: true, unique: true },
    residentId: { type: String, required: true, index: true },
    /** The sign-in this pair descends from by rotation; a reused refresh token ends the whole family. */
    familyId: { type: String, index: true },
    /** Set when the refresh token was exchanged: the pair is dead, the record stays to recognise reuse. */
    rotatedAt: { type: Date, default: null },
    accessExpiresAt: { type: Date, required: true },
    refreshExpiresAt: { type: Date, required: true, index: true },
  },
  { collection: 'resident_sessions', versionKey: false },
);

export const residentSessionModel = (connection: Connection) => connection.model('ResidentSession', residentSessionSchema);
