import {
  REGISTRATION_STATUS_LABELS,
  CADRE_NEXT_STEP,
  RESIDENT_NEXT_STEP,
  STAFF_ROLE_LABELS,
  allowedActions,
  type ApprovalBlocker,
  nextStatus,
  type ClashingRegistration,
  type InternalNote,
  type Objection,
  type PhotoRef,
  type PresentedHousehold,
  type PresentedPerson,
  type RegistrationDetail,
  type RegistrationSummary,
  type ResidentRegistration,
  type SiteRef,
  type StaffRole,
  type StaffTimelineEntry,
  type TimelineEntry,
} from '@anqian/shared';
import type { Types } from 'mongoose';
import { isCorrectable, type RegistrationRecord } from './registration.model';
import type { RegistrationSummaryRecord } from './registration-summary.model';

/** Names, sites and photos a set of registrations refers to, fetched once by the service. */
export type Lookups = {
  names: Map<string, string>;
  sites: Map<string, SiteRef>;
  photos: Map<string, PhotoRef>;
  /** Today's date in China, for ages. */
  today: string;
};

type Person = RegistrationRecord['household']['head'] | RegistrationRecord['household']['members'][number];
type TimelineRecord = RegistrationRecord['timeline'][number];

function ageOn(birth: Date, today: string): number {
  const [year, month, day] = today.split('-').map(Number);
  const hadBirthday = month > birth.getUTCMonth() + 1 || (month === birth.getUTCMonth() + 1 && day >= birth.getUTCDate());
  return year - birth.getUTCFullYear() - (hadBirthday ? 0 : 1);
}

function presentPerson(person: Person, today: string): PresentedPerson {
  return {
    name: person.name,
    idNumberMasked: person.idNumberMasked,
    age: ageOn(person.birthDate, today),
    gender: person.gender as PresentedPerson['gender'],
    workAbility: person.workAbility,
    specialStatus: person.specialStatus,
  };
}

const photoRefs = (ids: Types.ObjectId[], lookups: Lookups) =>
  ids.map((id) => lookups.photos.get(id.toString())).filter((ref): ref is PhotoRef => Boolean(ref));

const nameOf = (code: string, lookups: Lookups) => lookups.names.get(code) ?? code;

function presentHousehold(record: RegistrationRecord, lookups: Lookups): PresentedHousehold {
  const { household } = record;
  return {
    head: { ...presentPerson(household.head, lookups.today), phoneMasked: household.head.phoneMasked },
    members: household.members.map((member) => ({ ...presentPerson(member, lookups.today), relation: member.relation })),
    villageCode: record.divisionCode,
    villageName: nameOf(record.divisionCode, lookups),
    townshipCode: record.townshipCode,
    townshipName: nameOf(record.townshipCode, lookups),
    address: household.address,
    hazard: { type: household.hazard.type, ...(household.hazard.pointNumber && { pointNumber: household.hazard.pointNumber }) },
    house: { structure: household.house.structure, floorArea: household.house.floorArea, yearBuilt: household.house.yearBuilt },
    photos: photoRefs(household.photoIds, lookups),
  };
}

function presentWishes(record: RegistrationRecord, lookups: Lookups): RegistrationDetail['wishes'] {
  const { wishes } = record;
  const siteId = wishes.preferredSiteId?.toString();
  const site = siteId ? lookups.sites.get(siteId) : undefined;
  return {
    willingness: wishes.willingness,
    ...(wishes.resettlementType && { resettlementType: wishes.resettlementType }),
    ...(siteId && { preferredSiteId: siteId }),
    ...(wishes.preferredMoveMonth && { preferredMoveMonth: wishes.preferredMoveMonth }),
    reasons: wishes.reasons,
    ...(site && { preferredSite: site }),
  };
}

/** Who did it, in words for the resident: never a staff member's name. */
export function actorLabel(actor: TimelineRecord['actor']): string {
  if (actor.kind === 'resident') return '本人';
  if (actor.kind === 'cadre') return '村干部代填';
  if (actor.kind === 'system') return '系统';
  return STAFF_ROLE_LABELS[actor.role as StaffRole] ?? '工作人员';
}

function presentTimelineEntry(entry: TimelineRecord): TimelineEntry {
  return {
    action: entry.action,
    from: entry.from ?? null,
    to: entry.to,
    at: entry.at.toISOString(),
    actorLabel: actorLabel(entry.actor),
    ...(entry.reason && { reason: entry.reason }),
  };
}

function presentNotice(record: RegistrationRecord) {
  if (!record.noticeId) return {};
  return {
    notice: { id: record.noticeId.toString(), title: record.noticeTitle ?? '', startDate: record.noticeStartDate ?? '', endDate: record.noticeEndDate ?? '' },
  };
}

function presentAssignedSite(record: RegistrationRecord, lookups: Lookups) {
  const site = record.assignedSiteId ? lookups.sites.get(record.assignedSiteId.toString()) : undefined;
  return site ? { assignedSite: site } : {};
}

/** A full registration or its summary. */
type Summarised = Omit<RegistrationSummaryRecord, 'householdKey' | 'residentId' | 'enteredByStaffId' | 'noticeEndDate' | 'noticeDays' | 'openObjections' | 'v'>;

export function presentSummary(record: Summarised, lookups: Lookups): RegistrationSummary {
  return {
    id: record._id.toString(),
    status: record.status,
    headName: record.household.head.name,
    headIdNumberMasked: record.household.head.idNumberMasked,
    memberCount: record.memberCount,
    villageCode: record.divisionCode,
    villageName: nameOf(record.divisionCode, lookups),
    townshipName: nameOf(record.townshipCode, lookups),
    willingness: record.wishes.willingness,
    ...(record.wishes.resettlementType && { resettlementType: record.wishes.resettlementType }),
    hazardType: record.household.hazard.type,
    enteredByCadre: record.source === 'cadre',
    householdClash: Boolean(record.householdClash),
    submittedAt: record.submittedAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** One registration of a household registered more than once, for staff to compare with the others. */
export function presentClashing(record: RegistrationRecord, lookups: Lookups): ClashingRegistration {
  const { head } = record.household;
  return {
    id: record._id.toString(),
    status: record.status,
    source: record.source,
    headName: head.name,
    headIdNumberMasked: head.idNumberMasked,
    headPhoneMasked: head.phoneMasked,
    villageName: nameOf(record.divisionCode, lookups),
    address: record.household.address,
    memberCount: record.memberCount,
    willingness: record.wishes.willingness,
    ...(record.wishes.resettlementType && { resettlementType: record.wishes.resettlementType }),
    submittedAt: record.submittedAt.toISOString(),
  };
}

export function presentDetail(
  record: RegistrationRecord,
  lookups: Lookups,
  extras: {
    role: StaffRole;
    previous: Pick<RegistrationSummaryRecord, '_id' | 'status' | 'submittedAt'>[];
    sameHousehold?: RegistrationDetail['sameHousehold'];
    /** While on public notice: when approval becomes possible, and what holds it up today. */
    approval?: { from: string | null; blocker: ApprovalBlocker | null };
  },
): RegistrationDetail {
  const timeline: StaffTimelineEntry[] = record.timeline.map((entry) => ({
    ...presentTimelineEntry(entry),
    actorName: entry.actor.name,
    ...(entry.visit && {
      visit: {
        date: entry.visit.date,
        visitors: entry.visit.visitors,
        ...(entry.visit.peoplePresent && { peoplePresent: entry.visit.peoplePresent }),
        ...(entry.visit.houseStructure && { houseStructure: entry.visit.houseStructure }),
        ...(entry.visit.hazard && { hazard: entry.visit.hazard }),
        findings: entry.visit.findings,
        photoIds: entry.visit.photoIds.map(String),
        photos: photoRefs(entry.visit.photoIds, lookups),
      },
    }),
  }));
  const notes: InternalNote[] = record.notes.map((note) => ({
    id: note._id.toString(),
    text: note.text,
    authorName: note.authorName,
    authorRole: note.authorRole,
    at: note.at.toISOString(),
  }));
  const objections: Objection[] = record.objections.map((objection) => ({
    id: objection._id.toString(),
    raisedBy: objection.raisedBy,
    content: objection.content,
    recordedBy: objection.recordedBy,
    recordedAt: objection.recordedAt.toISOString(),
    status: objection.status,
    ...(objection.resolution && { resolution: objection.resolution }),
    ...(objection.resolvedBy && { resolvedBy: objection.resolvedBy }),
    ...(objection.resolvedAt && { resolvedAt: objection.resolvedAt.toISOString() }),
  }));
  return {
    ...presentSummary(record, lookups),
    household: presentHousehold(record, lookups),
    wishes: presentWishes(record, lookups),
    timeline,
    notes,
    objections,
    ...presentNotice(record),
    ...presentAssignedSite(record, lookups),
    ...(record.enteredBy?.name && { enteredBy: { name: record.enteredBy.name } }),
    allowedActions: allowedActions(record.status, extras.role).filter(
      (action) => (action !== 'return' || isCorrectable(record)) && (action !== 'accept' || !record.householdClash),
    ),
    correctable: isCorrectable(record),
    previous: extras.previous.map((earlier) => ({
      id: earlier._id.toString(),
      status: earlier.status,
      submittedAt: earlier.submittedAt.toISOString(),
    })),
    ...(extras.sameHousehold && { sameHousehold: extras.sameHousehold }),
    ...(extras.approval && { approvableFrom: extras.approval.from, approvalBlocker: extras.approval.blocker }),
  };
}

/**
 * Who reads a registration in the mini-program: the household that owns it, or the village cadre
 * who entered it for a household. The cadre may correct it when returned, but withdrawing is the
 * household's own decision.
 */
export type ResidentViewer = 'household' | 'cadre';

/** The resident's view: no internal notes, objections or staff names. */
export function presentForResident(record: RegistrationRecord, lookups: Lookups, viewer: ResidentViewer = 'household'): ResidentRegistration {
  const ownedByResident = Boolean(record.residentId);
  const mayWithdraw = viewer === 'household' && ownedByResident;
  const mayCorrect = viewer === 'cadre' || ownedByResident;
  return {
    id: record._id.toString(),
    status: record.status,
    statusLabel: REGISTRATION_STATUS_LABELS[record.status],
    nextStep: (viewer === 'cadre' && CADRE_NEXT_STEP[record.status]) || RESIDENT_NEXT_STEP[record.status],
    household: presentHousehold(record, lookups),
    wishes: presentWishes(record, lookups),
    timeline: record.timeline.map(presentTimelineEntry),
    ...presentAssignedSite(record, lookups),
    ...presentNotice(record),
    canWithdraw: mayWithdraw && nextStatus(record.status, 'withdraw', 'household') !== null,
    canResubmit: mayCorrect && nextStatus(record.status, 'resubmit', 'household') !== null,
    enteredByCadre: record.source === 'cadre',
    submittedAt: record.submittedAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
