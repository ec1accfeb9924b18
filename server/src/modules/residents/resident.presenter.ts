import { PRIVACY_NOTICE, maskPhone, type Resident } from '@anqian/shared';
import type { FieldCrypto } from '../../security/field-crypto';
import type { ResidentRecord } from './resident.model';

/** `cadre` is the linked village cadre account while the link still holds (checked by the service). */
export function presentResident(resident: ResidentRecord, crypto: FieldCrypto, cadre: Resident['cadre']): Resident {
  const consent = resident.consent;
  return {
    id: resident._id.toString(),
    phoneMasked: resident.phone ? maskPhone(crypto.decrypt(resident.phone.enc)) : null,
    consent:
      consent?.version && consent.acceptedAt
        ? { version: consent.version, acceptedAt: consent.acceptedAt.toISOString(), sensitive: Boolean(consent.sensitive) }
        : null,
    cadre,
    currentPrivacyVersion: PRIVACY_NOTICE.version,
  };
}
