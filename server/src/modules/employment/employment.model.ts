import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { EMPLOYMENT_SOURCES, EMPLOYMENT_STATUSES, type EmploymentSource, type EmploymentStatus, type Relation, RELATIONS, WORK_ABILITIES, type WorkAbility } from '@anqian/shared';

const eventSchema = new Schema(
  {
    status: { type: String, enum: EMPLOYMENT_STATUSES, required: true },
    date: { type: String, required: true },
    source: { type: String, enum: EMPLOYMENT_SOURCES, required: true },
    byId: { type: String, required: true },
    by: { type: String, required: true },
    note: { type: String, default: '' },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const memberSchema = new Schema(
  {
    /** `personKeyOf` the ID number's keyed hash: how the import, the resume and a hire find the member. */
    key: { type: String, required: true },
    name: { type: String, required: true },
    relation: { type: String, enum: ['head', ...RELATIONS], required: true },
    idNumberMasked: { type: String, required: true },
    birthDate: { type: String, required: true },
    workAbility: { type: String, enum: WORK_ABILITIES, required: true },
    workingAge: { type: Boolean, required: true },
    status: { type: String, enum: [...EMPLOYMENT_STATUSES, null], default: null },
    statusDate: { type: String, default: null },
    source: { type: String, enum: [...EMPLOYMENT_SOURCES, null], default: null },
    enteredBy: { type: String, default: null },
    history: { type: [eventSchema], default: [] },
  },
  { _id: false },
);

/**
 * One approved household's employment (就业台账), `_id` = its registration's. The counts beside the
 * members are derived from them by every write, so the zero-employment list and the dashboard read
 * small indexed fields instead of the members; every write is one update guarded by `version`.
 * `ageCheckDue` is the next day a member enters or leaves working age, when maintenance recounts.
 */
const ledgerSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    householdKey: { type: String, required: true },
    divisionCode: { type: String, required: true },
    townshipCode: { type: String, required: true },
    headName: { type: String, required: true },
    members: { type: [memberSchema], default: [] },
    /** The statuses of the working-age members, `unrecorded` for those without one: the status filter. */
    workingStatuses: { type: [String], default: [] },
    workingAgeCount: { type: Number, required: true },
    labourCount: { type: Number, required: true },
    employedCount: { type: Number, required: true },
    unrecordedCount: { type: Number, required: true },
    zeroEmployment: { type: Boolean, required: true },
    ageCheckDue: { type: String, default: null },
    version: { type: Number, required: true, default: 0 },
  },
  { collection: 'employment_ledger', timestamps: true, versionKey: false },
);

ledgerSchema.index({ divisionCode: 1, _id: 1 });
ledgerSchema.index({ townshipCode: 1, zeroEmployment: 1 });
ledgerSchema.index({ 'members.key': 1 });
ledgerSchema.index({ ageCheckDue: 1 });

export type LedgerEvent = { status: EmploymentStatus; date: string; source: EmploymentSource; byId: string; by: string; note: string; at: Date };
export type LedgerMember = {
  key: string;
  name: string;
  relation: Relation | 'head';
  idNumberMasked: string;
  birthDate: string;
  workAbility: WorkAbility;
  workingAge: boolean;
  status: EmploymentStatus | null;
  statusDate: string | null;
  source: EmploymentSource | null;
  enteredBy: string | null;
  history: LedgerEvent[];
};
export type LedgerRecord = Omit<InferSchemaType<typeof ledgerSchema>, 'members'> & { _id: Types.ObjectId; members: LedgerMember[]; createdAt: Date; updatedAt: Date };

export const employmentLedgerModel = (connection: Connection) => connection.model('EmploymentLedger', ledgerSchema);
