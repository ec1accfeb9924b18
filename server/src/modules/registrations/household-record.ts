import { Types } from 'mongoose';
import { birthDateOf, genderFromIdNumber, maskIdNumber, maskPhone, townshipCodeOf, type Household } from '@anqian/shared';
import type { FieldCrypto } from '../../security/field-crypto';

/**
 * Turns a validated household (shared `householdSchema` output) into what a registration stores:
 * ID numbers and the phone encrypted with a masked copy beside them. Used by resident submissions
 * and by the ledger import, so both store exactly the same shape.
 */
export function householdRecord(household: Household, crypto: FieldCrypto) {
  const person = (p: { name: string; idNumber: string; workAbility: string; specialStatus: string[] }) => ({
    name: p.name,
    idNumber: crypto.seal(p.idNumber),
    idNumberMasked: maskIdNumber(p.idNumber),
    idLast4: p.idNumber.slice(-4),
    birthDate: birthDateOf(p.idNumber)!,
    gender: genderFromIdNumber(p.idNumber),
    workAbility: p.workAbility,
    specialStatus: p.specialStatus,
  });
  return {
    householdKey: crypto.hash(household.head.idNumber),
    divisionCode: household.villageCode,
    townshipCode: townshipCodeOf(household.villageCode)!,
    memberCount: 1 + household.members.length,
    household: {
      head: { ...person(household.head), phone: crypto.seal(household.head.phone), phoneMasked: maskPhone(household.head.phone) },
      members: household.members.map((member) => ({ ...person(member), relation: member.relation })),
      address: household.address,
      hazard: household.hazard,
      house: household.house,
      photoIds: household.photoIds.map((id) => new Types.ObjectId(id)),
    },
  };
}
