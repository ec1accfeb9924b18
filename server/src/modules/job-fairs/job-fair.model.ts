import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { JOB_FAIR_STATUSES } from '@anqian/shared';

/** A job fair. Its places, sign-ups and tickets live in the sign-up engine under the same id. */
const jobFairSchema = new Schema(
  {
    title: { type: String, required: true },
    date: { type: String, required: true },
    startTime: { type: String, required: true },
    endTime: { type: String, required: true },
    /** `date` + the times in China time, for ordering and the clock checks. */
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    venue: { type: String, required: true },
    organiser: { type: String, required: true },
    description: { type: String, default: '' },
    capacity: { type: Number, required: true },
    employerIds: { type: [Schema.Types.ObjectId], default: [] },
    postingIds: { type: [Schema.Types.ObjectId], default: [] },
    status: { type: String, enum: JOB_FAIR_STATUSES, required: true },
    cancelReason: { type: String, default: null },
    publishedAt: { type: Date, default: null },
    cancelledAt: { type: Date, default: null },
    createdBy: { type: String, required: true },
  },
  { collection: 'job_fairs', timestamps: true },
);

jobFairSchema.index({ status: 1, startsAt: 1 });

export type JobFairRecord = InferSchemaType<typeof jobFairSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };

export const jobFairModel = (connection: Connection) => connection.model('JobFair', jobFairSchema);
