import type {
  HazardType,
  HouseStructure,
  Relation,
  ResettlementType,
  ResidentRegistration,
  SpecialStatus,
  Willingness,
  WorkAbility,
} from '@anqian/shared';
import { newIdempotencyKey } from '@/lib/idempotency-key';
import type { PhotoDraft } from '@/lib/photos';

/**
 * The form as the resident fills it in: every field is a string (or '' when not chosen yet) so a
 * half-filled form can be saved, restored and shown as typed. Paths mirror the shared schemas
 * (`head.name`, `hazard.type`, `wishes.reasons`) so validation messages land on the right field.
 */
type PersonDraft = {
  name: string;
  idNumber: string;
  workAbility: WorkAbility | '';
  specialStatus: SpecialStatus[];
  /** On a resubmission: the masked number the server returned, shown while the full one is re-entered. */
  idNumberMasked?: string;
};

export type HeadDraft = PersonDraft & { phone: string; phoneMasked?: string };
export type MemberDraft = PersonDraft & { relation: Relation | '' };

export type RegistrationDraft = {
  /** Sent with the first submit and every retry of it, so a retry after a timeout is harmless. */
  idempotencyKey: string;
  step: number;
  head: HeadDraft;
  members: MemberDraft[];
  townshipCode: string;
  villageCode: string;
  address: string;
  hazard: { type: HazardType | ''; pointNumber: string };
  house: { structure: HouseStructure | ''; floorArea: string; yearBuilt: string };
  photos: PhotoDraft[];
  wishes: {
    willingness: Willingness | '';
    resettlementType: ResettlementType | '';
    preferredSiteId: string;
    preferredMoveMonth: string;
    reasons: string;
  };
};


export function emptyMember(): MemberDraft {
  return { name: '', idNumber: '', relation: '', workAbility: '', specialStatus: [] };
}

export function emptyDraft(village?: { townshipCode: string; villageCode: string }): RegistrationDraft {
  return {
    idempotencyKey: newIdempotencyKey(),
    step: 0,
    head: { name: '', idNumber: '', phone: '', workAbility: '', specialStatus: [] },
    members: [],
    townshipCode: village?.townshipCode ?? '',
    villageCode: village?.villageCode ?? '',
    address: '',
    hazard: { type: '', pointNumber: '' },
    house: { structure: '', floorArea: '', yearBuilt: '' },
    photos: [],
    wishes: { willingness: '', resettlementType: '', preferredSiteId: '', preferredMoveMonth: '', reasons: '' },
  };
}

/**
 * A returned registration opened for correction. The server only ever sends masked ID numbers and
 * phones, and we do not keep the full ones on the phone after a submit, so those fields start empty
 * with the masked value as a reminder; everything else is prefilled.
 */
export function draftFromRegistration(registration: ResidentRegistration): RegistrationDraft {
  const { household, wishes } = registration;
  return {
    idempotencyKey: newIdempotencyKey(),
    step: 0,
    head: {
      name: household.head.name,
      idNumber: '',
      idNumberMasked: household.head.idNumberMasked,
      phone: '',
      phoneMasked: household.head.phoneMasked,
      workAbility: household.head.workAbility,
      specialStatus: household.head.specialStatus,
    },
    members: household.members.map((member) => ({
      name: member.name,
      idNumber: '',
      idNumberMasked: member.idNumberMasked,
      relation: member.relation,
      workAbility: member.workAbility,
      specialStatus: member.specialStatus,
    })),
    townshipCode: household.townshipCode,
    villageCode: household.villageCode,
    address: household.address,
    hazard: { type: household.hazard.type, pointNumber: household.hazard.pointNumber ?? '' },
    house: {
      structure: household.house.structure,
      floorArea: String(household.house.floorArea),
      yearBuilt: String(household.house.yearBuilt),
    },
    photos: household.photos.map((photo) => ({ id: photo.id, localPath: '', size: photo.size })),
    wishes: {
      willingness: wishes.willingness,
      resettlementType: wishes.resettlementType ?? '',
      preferredSiteId: wishes.preferredSiteId ?? '',
      preferredMoveMonth: wishes.preferredMoveMonth ?? '',
      reasons: wishes.reasons,
    },
  };
}

const blankToUndefined = (value: string) => (value.trim() === '' ? undefined : value);
const toNumber = (value: string) => (value.trim() === '' ? undefined : Number(value));

function person<T extends PersonDraft>({ idNumberMasked: _masked, ...rest }: T) {
  return { ...rest, workAbility: rest.workAbility || undefined };
}

export function memberInput(member: MemberDraft) {
  return { ...person(member), relation: member.relation || undefined };
}

/** The draft in the shape the shared schemas read; values stay unparsed so the schemas report them. */
export function householdInput(draft: RegistrationDraft) {
  const { phoneMasked: _phoneMasked, ...head } = draft.head;
  return {
    head: person(head),
    members: draft.members.map(memberInput),
    villageCode: draft.villageCode,
    address: draft.address,
    hazard: { type: draft.hazard.type || undefined, pointNumber: blankToUndefined(draft.hazard.pointNumber) },
    house: {
      structure: draft.house.structure || undefined,
      floorArea: toNumber(draft.house.floorArea),
      yearBuilt: toNumber(draft.house.yearBuilt),
    },
    photoIds: draft.photos.map((photo) => photo.id),
  };
}

export function wishesInput(draft: RegistrationDraft) {
  const { willingness, resettlementType, preferredSiteId, preferredMoveMonth, reasons } = draft.wishes;
  const unwilling = willingness === 'unwilling';
  return {
    willingness: willingness || undefined,
    // 不愿意 asks for no resettlement choice: whatever was picked before the answer changed is not sent.
    resettlementType: unwilling ? undefined : resettlementType || undefined,
    preferredSiteId: !unwilling && resettlementType === 'centralized' ? blankToUndefined(preferredSiteId) : undefined,
    preferredMoveMonth: unwilling ? undefined : blankToUndefined(preferredMoveMonth),
    reasons,
  };
}
