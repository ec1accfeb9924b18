import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import {
  HAZARD_CHECKS,
  HAZARD_TYPES,
  HOUSE_CHECKS,
  HOUSE_STRUCTURES,
  chinaDate,
  REGISTRATION_ACTIONS,
  REGISTRATION_STATUSES,
  RELATIONS,
  RESETTLEMENT_TYPES,
  SPECIAL_STATUSES,
  type SubsidySnapshot,
  WILLINGNESS,
  WORK_ABILITIES,
} from '@anqian/shared';
import { encryptedFieldSchema } from '../../db/encrypted-field';

/**
 * One registration with the household file (一户一档) it was submitted with. A household is
 * identified by the keyed hash of its head's ID number (`householdKey`). Anyone may submit for a
 * household, so a household can be registered more than once (`householdClash`, staff keep one);
 * but at most one registration per household is taken up by staff at a time, enforced by the
 * unique `activeLock`: `open:<id>` while submitted, the household key from acceptance on (and for
 * registrations stored before this rule, from submission), `ended:<id>` once withdrawn or rejected.
 */
const personFields = {
  name: { type: String, required: true },
  idNumber: { type: encryptedFieldSchema, required: true },
  /** Masked form kept beside the ciphertext so lists and ledgers need no decryption. */
  idNumberMasked: { type: String, required: true },
  idLast4: { type: String, required: true },
  birthDate: { type: Date, required: true },
  gender: { type: String, enum: ['male', 'female'], required: true },
  workAbility: { type: String, enum: WORK_ABILITIES, required: true },
  specialStatus: { type: [{ type: String, enum: SPECIAL_STATUSES }], default: [] },
};

const headSchema = new Schema(
  { ...personFields, phone: { type: encryptedFieldSchema, required: true }, phoneMasked: { type: String, required: true } },
  { _id: false },
);
const memberSchema = new Schema({ ...personFields, relation: { type: String, enum: RELATIONS, required: true } }, { _id: false });

const householdSchema = new Schema(
  {
    head: { type: headSchema, required: true },
    members: { type: [memberSchema], default: [] },
    address: { type: String, required: true },
    hazard: {
      type: new Schema({ type: { type: String, enum: HAZARD_TYPES, required: true }, pointNumber: String }, { _id: false }),
      required: true,
    },
    house: {
      type: new Schema(
        {
          structure: { type: String, enum: HOUSE_STRUCTURES, required: true },
          floorArea: { type: Number, required: true },
          yearBuilt: { type: Number, required: true },
        },
        { _id: false },
      ),
      required: true,
    },
    photoIds: { type: [Schema.Types.ObjectId], default: [] },
  },
  { _id: false },
);

const wishesSchema = new Schema(
  {
    willingness: { type: String, enum: WILLINGNESS, required: true },
    resettlementType: { type: String, enum: RESETTLEMENT_TYPES },
    preferredSiteId: { type: Schema.Types.ObjectId, default: null },
    preferredMoveMonth: String,
    reasons: { type: String, default: '' },
  },
  { _id: false },
);

const visitSchema = new Schema(
  {
    date: { type: String, required: true },
    visitors: { type: String, required: true },
    /** The checklist; visits recorded before it have none of these. */
    peoplePresent: String,
    houseStructure: { type: String, enum: HOUSE_CHECKS },
    hazard: { type: String, enum: HAZARD_CHECKS },
    findings: { type: String, required: true },
    photoIds: { type: [Schema.Types.ObjectId], default: [] },
  },
  { _id: false },
);

const actorSchema = new Schema(
  {
    kind: { type: String, enum: ['resident', 'cadre', 'staff', 'system'], required: true },
    id: { type: String, default: null },
    name: { type: String, required: true },
    role: { type: String, default: null },
  },
  { _id: false },
);

const timelineEntrySchema = new Schema(
  {
    action: { type: String, enum: REGISTRATION_ACTIONS, required: true },
    from: { type: String, enum: [...REGISTRATION_STATUSES, null], default: null },
    to: { type: String, enum: REGISTRATION_STATUSES, required: true },
    at: { type: Date, required: true },
    actor: { type: actorSchema, required: true },
    /** Shown to the resident (return / reject reasons, accept / approve notes). */
    reason: String,
    visit: { type: visitSchema, default: undefined },
  },
  { _id: false },
);

const noteSchema = new Schema({
  text: { type: String, required: true },
  authorId: { type: String, required: true },
  authorName: { type: String, required: true },
  authorRole: { type: String, required: true },
  at: { type: Date, required: true },
});

const objectionSchema = new Schema({
  raisedBy: { type: String, required: true },
  content: { type: String, required: true },
  recordedById: { type: String, required: true },
  recordedBy: { type: String, required: true },
  recordedAt: { type: Date, required: true },
  status: { type: String, enum: ['open', 'dismissed', 'upheld'], required: true, default: 'open' },
  resolution: String,
  resolvedBy: String,
  resolvedAt: Date,
});

const registrationSchema = new Schema(
  {
    householdKey: { type: String, required: true, index: true },
    activeLock: { type: String, required: true, unique: true },
    householdClash: { type: Boolean, default: false },
    /** `<submitter>:<client key>`: a retried submit finds the registration it already created. */
    idempotencyKey: { type: String, required: true, unique: true },
    source: { type: String, enum: ['resident', 'cadre', 'import'], required: true },
    residentId: { type: Schema.Types.ObjectId, default: null, index: true },
    enteredBy: { type: new Schema({ staffId: String, name: String }, { _id: false }), default: null },
    /** The village; every scoped query filters on it. */
    divisionCode: { type: String, required: true, index: true },
    townshipCode: { type: String, required: true },
    household: { type: householdSchema, required: true },
    memberCount: { type: Number, required: true },
    wishes: { type: wishesSchema, required: true },
    status: { type: String, enum: REGISTRATION_STATUSES, required: true, index: true },
    timeline: { type: [timelineEntrySchema], default: [] },
    notes: { type: [noteSchema], default: [] },
    objections: { type: [objectionSchema], default: [] },
    /** Kept beside the list so approval can require "no open objection" in its conditional update. */
    openObjections: { type: Number, required: true, default: 0 },
    /** The public notice the household is (or was last) listed on; dates are China calendar days. */
    noticeId: { type: Schema.Types.ObjectId, default: null },
    noticeTitle: { type: String, default: null },
    noticeStartDate: { type: String, default: null },
    noticeEndDate: { type: String, default: null },
    assignedSiteId: { type: Schema.Types.ObjectId, default: null },
    /** The subsidy fixed at approval (`SubsidySnapshot`); later rule changes never touch it. */
    subsidy: { type: Schema.Types.Mixed, default: undefined },
    submittedAt: { type: Date, required: true, index: true },
  },
  { collection: 'registrations', timestamps: true },
);

registrationSchema.index({ divisionCode: 1, status: 1, submittedAt: -1 });

export type RegistrationRecord = Omit<InferSchemaType<typeof registrationSchema>, 'subsidy'> & {
  _id: Types.ObjectId;
  subsidy?: SubsidySnapshot | null;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * Returning asks for a correction in the mini-program, from the household's own account or the
 * cadre who entered it; an imported registration has neither.
 */
export const isCorrectable = (record: Pick<RegistrationRecord, 'residentId' | 'source'>) => Boolean(record.residentId) || record.source === 'cadre';

export const registrationModel = (connection: Connection) => connection.model('Registration', registrationSchema);

/**
 * What `approvalBlocker` reads of a registration's notice; the day it was put on it is that of its
 * latest publicize step.
 */
export function noticeFactsOf(record: Pick<RegistrationRecord, 'noticeStartDate' | 'noticeEndDate' | 'timeline'>) {
  const publicized = record.timeline.filter((entry) => entry.action === 'publicize').at(-1);
  return { noticeStartDate: record.noticeStartDate, noticeEndDate: record.noticeEndDate, publicizedOn: publicized ? chinaDate(publicized.at) : null };
}
