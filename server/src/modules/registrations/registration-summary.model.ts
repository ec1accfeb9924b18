import { Schema, type Connection, type Types } from 'mongoose';
import { daysOnNotice } from '@anqian/shared';
import { noticeFactsOf, type RegistrationRecord } from './registration.model';

/**
 * A small copy of each registration with only what the staff list, its counts, the dashboard and
 * the "mine" lists filter, sort and show — about a tenth of the full document. The paths are the
 * registration's own, so `registrationFilter` and `registrationSort` apply to both collections.
 *
 * Why a copy: on the embedded FerretDB the documents a list query matches are decoded, sorted and
 * counted in Go, at a cost that grows with document size (a full registration is ~10 times its
 * summary). The registration stays the source of truth; its service rewrites the summary after
 * every change, and `reconcile` repairs summaries at start-up (a crash between the two writes,
 * registrations stored before summaries existed).
 */
const summarySchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    householdKey: { type: String, required: true, index: true },
    residentId: { type: Schema.Types.ObjectId, default: null, index: true },
    enteredByStaffId: { type: String, default: null },
    source: { type: String, required: true },
    divisionCode: { type: String, required: true },
    townshipCode: { type: String, required: true },
    status: { type: String, required: true },
    household: {
      head: { name: String, idNumberMasked: String, idLast4: String },
      hazard: { type: { type: String } },
    },
    memberCount: { type: Number, required: true },
    wishes: { willingness: String, resettlementType: String },
    householdClash: { type: Boolean, default: false },
    /** For the 可审批 filter: the notice's last day, the days the household was on it, open objections. */
    noticeEndDate: { type: String, default: null },
    noticeDays: { type: Number, default: null },
    openObjections: { type: Number, default: 0 },
    submittedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    /** `SUMMARY_VERSION` when written: `reconcile` rewrites summaries of an older shape. */
    v: { type: Number, default: 1 },
  },
  { collection: 'registration_summaries', versionKey: false },
);

summarySchema.index({ divisionCode: 1, status: 1, submittedAt: -1 });
summarySchema.index({ townshipCode: 1, status: 1 });
summarySchema.index({ submittedAt: -1 });

export type RegistrationSummaryRecord = {
  _id: Types.ObjectId;
  householdKey: string;
  residentId: Types.ObjectId | null;
  enteredByStaffId: string | null;
  source: RegistrationRecord['source'];
  divisionCode: string;
  townshipCode: string;
  status: RegistrationRecord['status'];
  household: {
    head: Pick<RegistrationRecord['household']['head'], 'name' | 'idNumberMasked' | 'idLast4'>;
    hazard: Pick<RegistrationRecord['household']['hazard'], 'type'>;
  };
  memberCount: number;
  wishes: Pick<RegistrationRecord['wishes'], 'willingness' | 'resettlementType'>;
  householdClash: boolean;
  noticeEndDate: string | null;
  noticeDays: number | null;
  openObjections: number;
  submittedAt: Date;
  updatedAt: Date;
  v: number;
};

/** Raised whenever the summary gains a field, so start-up fills it in on every stored summary. */
export const SUMMARY_VERSION = 2;

export function summaryOf(record: RegistrationRecord): RegistrationSummaryRecord {
  const { head, hazard } = record.household;
  return {
    _id: record._id,
    householdKey: record.householdKey,
    residentId: record.residentId ?? null,
    enteredByStaffId: record.enteredBy?.staffId ?? null,
    source: record.source,
    divisionCode: record.divisionCode,
    townshipCode: record.townshipCode,
    status: record.status,
    household: { head: { name: head.name, idNumberMasked: head.idNumberMasked, idLast4: head.idLast4 }, hazard: { type: hazard.type } },
    memberCount: record.memberCount,
    wishes: { willingness: record.wishes.willingness, resettlementType: record.wishes.resettlementType ?? undefined },
    householdClash: Boolean(record.householdClash),
    noticeEndDate: record.noticeEndDate ?? null,
    noticeDays: daysOnNotice(noticeFactsOf(record)),
    openObjections: record.openObjections,
    submittedAt: record.submittedAt,
    updatedAt: record.updatedAt,
    v: SUMMARY_VERSION,
  };
}

export const registrationSummaryModel = (connection: Connection) => connection.model('RegistrationSummary', summarySchema);
