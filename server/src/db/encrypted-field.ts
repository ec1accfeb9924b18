import { Schema } from 'mongoose';

/** Stored form of a sensitive value (see security/field-crypto): ciphertext plus keyed lookup hash. */
export const encryptedFieldSchema = new Schema({ enc: { type: String, required: true }, hash: { type: String, required: true } }, { _id: false });
