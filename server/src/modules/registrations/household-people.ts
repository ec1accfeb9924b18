import { RELATION_LABELS, type Relation, type WorkAbility } from '@anqian/shared';
import type { FieldCrypto } from '../../security/field-crypto';
import type { RegistrationRecord } from './registration.model';

/**
 * A person of a household file with the ID number decrypted, for the modules that follow the
 * household after registration (the employment ledger, the resume). `key` is opaque and stable:
 * a prefix of the keyed hash stored beside the ID number, never the number itself.
 */
export type HouseholdPerson = { key: string; name: string; relation: Relation | 'head'; relationLabel: string; idNumber: string; workAbility: WorkAbility };

export type ApprovedHousehold = {
  registrationId: string;
  householdKey: string;
  divisionCode: string;
  townshipCode: string;
  headName: string;
  people: HouseholdPerson[];
};

export const personKeyOf = (idNumberHash: string) => idNumberHash.slice(0, 24);

export function householdPeople(record: RegistrationRecord, crypto: FieldCrypto): HouseholdPerson[] {
  const { head, members } = record.household;
  return [
    { key: personKeyOf(head.idNumber.hash), name: head.name, relation: 'head' as const, relationLabel: '户主', idNumber: crypto.decrypt(head.idNumber.enc), workAbility: head.workAbility },
    ...members.map((member) => ({
      key: personKeyOf(member.idNumber.hash),
      name: member.name,
      relation: member.relation,
      relationLabel: RELATION_LABELS[member.relation],
      idNumber: crypto.decrypt(member.idNumber.enc),
      workAbility: member.workAbility,
    })),
  ];
}

export const approvedHouseholdOf = (record: RegistrationRecord, crypto: FieldCrypto): ApprovedHousehold => ({
  registrationId: record._id.toString(),
  householdKey: record.householdKey,
  divisionCode: record.divisionCode,
  townshipCode: record.townshipCode,
  headName: record.household.head.name,
  people: householdPeople(record, crypto),
});
