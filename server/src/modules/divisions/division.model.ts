import { Schema, type Connection } from 'mongoose';

const divisionSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    level: { type: String, enum: ['county', 'township', 'village'], required: true },
    parentCode: { type: String, default: null },
  },
  { collection: 'divisions', versionKey: false },
);

export const divisionModel = (connection: Connection) => connection.model('Division', divisionSchema);
