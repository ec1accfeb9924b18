import { ageFromIdNumber, maskIdNumber, type PresentedHousehold, RELATION_LABELS, type RegistrationStatus } from '@anqian/shared';
import type { StaffActor } from '../../security/staff-actor';
import type { HouseholdPerson } from '../registrations/household-people';
import type { RegistrationsService } from '../registrations/registrations.service';

/** One person a course application can be for: a member of a household file staff verified. */
export type TraineeMember = {
  /** The registrations module's person key (stable across registrations of the same person). */
  key: string;
  registrationId: string;
  name: string;
  relation: string;
  age: number;
  idNumberMasked: string;
  townshipCode: string;
  villageCode: string;
  /** The household's relocation was approved (审批通过): such members come first. */
  approvedRelocated: boolean;
};

/** Registrations whose household facts staff checked on site (核实) or later. */
const VERIFIED: readonly RegistrationStatus[] = ['verified', 'publicizing', 'approved'];

/** Where the people behind applications come from: the household files of registrations. */
export type MemberDirectory = {
  /** The resident's own verified household members (`verifiedPeopleOf`, the list the resume offers too). */
  ofResident(residentId: string): Promise<TraineeMember[]>;
  /**
   * The members of one registration in the staff member's area (代报名): empty while it is not
   * verified, null when there is none in the area.
   */
  ofRegistration(actor: StaffActor, registrationId: string): Promise<TraineeMember[] | null>;
  /** The full ID number of a member, for the subsidy roster of an account allowed to see it. */
  fullIdNumber(actor: StaffActor, registrationId: string, key: string): Promise<string | null>;
};

type Registration = { id: string; status: RegistrationStatus; household: PresentedHousehold };

/** The household facts of the registration that lists this person (the masked ID number and name match). */
function memberOf(person: HouseholdPerson, registrations: Registration[]): TraineeMember | null {
  const masked = maskIdNumber(person.idNumber);
  for (const registration of registrations) {
    const { household } = registration;
    const listed = [household.head, ...household.members].some((member) => member.name === person.name && member.idNumberMasked === masked);
    if (!listed) continue;
    return {
      key: person.key,
      registrationId: registration.id,
      name: person.name,
      relation: person.relationLabel,
      age: ageFromIdNumber(person.idNumber),
      idNumberMasked: masked,
      townshipCode: household.townshipCode,
      villageCode: household.villageCode,
      approvedRelocated: registration.status === 'approved',
    };
  }
  return null;
}

const isNotFound = (error: unknown) => ['NOT_FOUND', 'OUT_OF_SCOPE'].includes((error as { code?: string }).code ?? '');

/**
 * The directory over the registrations service: the people come from `verifiedPeopleOf` (a
 * resident's own) or the scoped `reveal` (staff, their area), and where they live and whether the
 * household is approved from the registration that lists them.
 */
export function memberDirectoryFrom(registrations: Pick<RegistrationsService, 'verifiedPeopleOf' | 'personKeyOf' | 'listOwn' | 'get' | 'reveal'>): MemberDirectory {
  async function revealed(actor: StaffActor, registrationId: string) {
    try {
      const registration = await registrations.get(actor, registrationId);
      if (!VERIFIED.includes(registration.status)) return 'unverified' as const;
      const full = await registrations.reveal(actor, registrationId);
      return { registration, full };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  return {
    async ofResident(residentId) {
      const [people, { items }] = await Promise.all([registrations.verifiedPeopleOf(residentId), registrations.listOwn(residentId)]);
      const verified = items.filter((registration) => VERIFIED.includes(registration.status));
      return people.flatMap((person) => memberOf(person, verified) ?? []);
    },
    async ofRegistration(actor, registrationId) {
      const found = await revealed(actor, registrationId);
      if (found === 'unverified') return [];
      if (!found) return null;
      const { registration, full } = found;
      const { household } = registration;
      return [household.head, ...household.members].map((member, i) => {
        const idNumber = (i === 0 ? full.head : full.members[i - 1]).idNumber;
        return {
          key: registrations.personKeyOf(idNumber),
          registrationId,
          name: member.name,
          relation: 'relation' in member ? RELATION_LABELS[member.relation] : '户主',
          age: ageFromIdNumber(idNumber),
          idNumberMasked: member.idNumberMasked,
          townshipCode: household.townshipCode,
          villageCode: household.villageCode,
          approvedRelocated: registration.status === 'approved',
        };
      });
    },
    async fullIdNumber(actor, registrationId, key) {
      const found = await revealed(actor, registrationId);
      if (!found || found === 'unverified') return null;
      return [found.full.head, ...found.full.members].find((person) => registrations.personKeyOf(person.idNumber) === key)?.idNumber ?? null;
    },
  };
}
