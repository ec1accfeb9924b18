import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { ADMISSION_MODES, CERTIFICATE_KINDS, COURSE_STATUSES, TRAINING_CATEGORIES } from '@anqian/shared';

/**
 * A training course (培训班). Its places, applications, waitlist and tickets live in the sign-up
 * engine under the same id; this holds what the bureau publishes.
 */
const courseSchema = new Schema(
  {
    title: { type: String, required: true },
    category: { type: String, enum: TRAINING_CATEGORIES, required: true },
    provider: { type: String, required: true },
    partners: {
      type: [new Schema({ employerId: { type: Schema.Types.ObjectId, required: true }, committedHires: { type: Number, required: true } }, { _id: false })],
      default: [],
    },
    description: { type: String, default: '' },
    divisionCode: { type: String, required: true },
    address: { type: String, required: true },
    sessions: {
      type: [new Schema({ date: String, startTime: String, endTime: String, topic: String }, { _id: false })],
      required: true,
    },
    /** The first session's start and the last one's end, China time. */
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    capacity: { type: Number, required: true },
    signupDeadline: { type: String, required: true },
    eligibility: {
      type: new Schema(
        { minAge: Number, maxAge: Number, priorityForRelocated: Boolean, townshipCodes: { type: [String], default: [] } },
        { _id: false },
      ),
      required: true,
    },
    costFen: { type: Number, required: true },
    subsidyFen: { type: Number, required: true },
    completion: { type: new Schema({ minAttendancePercent: Number, examRequired: Boolean }, { _id: false }), required: true },
    admission: { type: String, enum: ADMISSION_MODES, required: true },
    status: { type: String, enum: COURSE_STATUSES, required: true },
    cancelReason: { type: String, default: null },
    publishedAt: { type: Date, default: null },
    createdBy: { type: String, required: true },
  },
  { collection: 'training_courses', timestamps: true },
);

courseSchema.index({ status: 1, startsAt: 1 });
courseSchema.index({ status: 1, category: 1, startsAt: 1 });

export type CourseRecord = InferSchemaType<typeof courseSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };

/**
 * What the course needs to know of one application besides its place (which the engine keeps):
 * who it is for, attendance, exam and certificate. `_id` is the engine's sign-up id, so the two
 * are found together; each change here is one update of this document.
 */
const traineeSchema = new Schema(
  {
    courseId: { type: Schema.Types.ObjectId, required: true },
    memberKey: { type: String, required: true },
    /** The registration whose household file lists the member. */
    registrationId: { type: String, required: true },
    /** The resident account that applied, or null when staff applied for the household (代报名). */
    accountId: { type: String, default: null },
    name: { type: String, required: true },
    relation: { type: String, required: true },
    age: { type: Number, required: true },
    idNumberMasked: { type: String, required: true },
    townshipCode: { type: String, default: null },
    villageCode: { type: String, default: null },
    priority: { type: Boolean, required: true },
    appliedBy: {
      type: new Schema({ kind: { type: String, enum: ['resident', 'staff'] }, id: String, name: String, role: { type: String, default: null } }, { _id: false }),
      required: true,
    },
    /** Sessions attended (1-based), each at most once; who ticked or scanned it is in the audit log. */
    attended: { type: [Number], default: [] },
    examPassed: { type: Boolean, default: null },
    examScore: { type: Number, default: null },
    certificateKind: { type: String, enum: [...CERTIFICATE_KINDS, null], default: null },
    certificateNumber: { type: String, default: null },
    hiredEntered: { type: new Schema({ employerName: String, at: Date, by: String }, { _id: false }), default: null },
    /** Set by the one update that wins the right to queue the completion message. */
    completionNotifiedAt: { type: Date, default: null },
  },
  { collection: 'training_trainees', timestamps: true },
);

traineeSchema.index({ courseId: 1, memberKey: 1 }, { unique: true });
traineeSchema.index({ accountId: 1 });
traineeSchema.index({ memberKey: 1 });

export type TraineeRecord = InferSchemaType<typeof traineeSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };

export const trainingModels = (connection: Connection) => ({
  Course: connection.model('TrainingCourse', courseSchema),
  Trainee: connection.model('TrainingTrainee', traineeSchema),
});
