import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { REQUEST_CATEGORIES, REQUEST_STATUSES, STAFF_ROLES } from '@anqian/shared';

const actorSchema = new Schema(
  {
    kind: { type: String, enum: ['resident', 'staff', 'system'], required: true },
    id: { type: String, default: null },
    name: { type: String, required: true },
    role: { type: String, enum: [...STAFF_ROLES, null], default: null },
  },
  { _id: false },
);

/** An internal handling step: every transition, with who and why. The resident never sees these. */
const stepSchema = new Schema(
  {
    action: { type: String, required: true },
    from: { type: String, enum: [...REQUEST_STATUSES, null], default: null },
    to: { type: String, enum: [...REQUEST_STATUSES, null], default: null },
    at: { type: Date, required: true },
    actor: { type: actorSchema, required: true },
    /** Transfer reason and destination, reopen reason, assignee name. */
    detail: { type: String, default: null },
  },
  { _id: false },
);

const replySchema = new Schema(
  {
    text: { type: String, required: true },
    at: { type: Date, required: true },
    staffId: { type: String, required: true },
    staffName: { type: String, required: true },
    /** The office's name as the resident reads it (镇 or 县). */
    office: { type: String, required: true },
  },
  { _id: true },
);

const noteSchema = new Schema(
  {
    text: { type: String, required: true },
    at: { type: Date, required: true },
    staffId: { type: String, required: true },
    staffName: { type: String, required: true },
    role: { type: String, enum: STAFF_ROLES, required: true },
  },
  { _id: true },
);

/**
 * One resident request. Its `_id` comes from the resident and the idempotency key, so a retried
 * submit finds the first one. `openSlot` is `<residentId>:<0..9>` while the request is open and
 * `done:<id>` afterwards; its unique index is what caps a resident at 10 open requests without a
 * counter that could drift. Replies and notes are appended with `$push` on this one document, so
 * two staff answering at once both keep their text, in arrival order.
 */
const requestSchema = new Schema(
  {
    residentId: { type: String, required: true },
    idempotencyKey: { type: String, required: true },
    category: { type: String, enum: REQUEST_CATEGORIES, required: true },
    text: { type: String, required: true },
    photoIds: { type: [String], default: [] },
    villageCode: { type: String, required: true },
    townshipCode: { type: String, required: true },
    siteId: { type: Schema.Types.ObjectId, default: null },
    registrationId: { type: Schema.Types.ObjectId, default: null },
    registrationLabel: { type: String, default: null },
    /** The office that handles it: the place's township at first, another township or the county after a transfer. */
    handlerCode: { type: String, required: true },
    status: { type: String, enum: REQUEST_STATUSES, required: true },
    openSlot: { type: String, required: true },
    assignee: { type: new Schema({ staffId: { type: String, required: true }, name: { type: String, required: true } }, { _id: false }), default: null },
    replies: { type: [replySchema], default: [] },
    notes: { type: [noteSchema], default: [] },
    steps: { type: [stepSchema], default: [] },
    submittedAt: { type: Date, required: true },
    /** When an office first acted on the current round (assign, transfer, reply): the resident's 处理中 date. */
    handlingSince: { type: Date, default: null },
    firstRepliedAt: { type: Date, default: null },
    lastRepliedAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    reopenedAt: { type: Date, default: null },
    reopenCount: { type: Number, default: 0 },
    /** China days (YYYY-MM-DD). `firstReplyDue` never changes (the in-time statistics); `replyDue` is null once answered and set again by a reopen. */
    firstReplyDue: { type: String, required: true },
    replyDue: { type: String, default: null },
    doneDue: { type: String, required: true },
    /** The next deadline while open (`replyDue`, else `doneDue`), 9999-12-31 once over: the due-first sort and the overdue filter. */
    nextDue: { type: String, required: true },
    rating: {
      type: new Schema({ score: { type: Number, required: true }, comment: { type: String, default: '' }, at: { type: Date, required: true } }, { _id: false }),
      default: null,
    },
  },
  { timestamps: true },
);

requestSchema.index({ openSlot: 1 }, { unique: true });
requestSchema.index({ residentId: 1, submittedAt: -1 });
requestSchema.index({ handlerCode: 1, status: 1, submittedAt: -1 });
requestSchema.index({ villageCode: 1, submittedAt: -1 });
requestSchema.index({ handlerCode: 1, nextDue: 1 });
requestSchema.index({ status: 1, nextDue: 1 });
requestSchema.index({ 'assignee.staffId': 1, status: 1 });

export type RequestRecord = InferSchemaType<typeof requestSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
  replies: (InferSchemaType<typeof replySchema> & { _id: Types.ObjectId })[];
  notes: (InferSchemaType<typeof noteSchema> & { _id: Types.ObjectId })[];
};

/**
 * A "due tomorrow" reminder for the assigned staff member, shown in the console (there is no staff
 * messaging channel). The `_id` names the request, the deadline and the day, so the daily job can
 * run any number of times and store each reminder once.
 */
const reminderSchema = new Schema(
  {
    _id: { type: String, required: true },
    staffId: { type: String, required: true },
    requestId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: ['reply', 'done'], required: true },
    dueDate: { type: String, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
reminderSchema.index({ staffId: 1, dueDate: 1 });

export type ReminderRecord = InferSchemaType<typeof reminderSchema> & { _id: string; createdAt: Date };

export function residentRequestModels(connection: Connection) {
  return {
    Request: connection.models.ResidentRequest ?? connection.model('ResidentRequest', requestSchema, 'resident_requests'),
    Reminder: connection.models.ResidentRequestReminder ?? connection.model('ResidentRequestReminder', reminderSchema, 'resident_request_reminders'),
  };
}
