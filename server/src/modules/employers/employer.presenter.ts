import { maskContactPhone, type Employer } from '@anqian/shared';
import type { FieldCrypto } from '../../security/field-crypto';
import type { EmployerRecord } from './employer.model';

export function presentEmployer(employer: EmployerRecord, crypto: FieldCrypto, divisionName: string): Employer {
  return {
    id: employer._id.toString(),
    name: employer.name,
    creditCode: employer.creditCode,
    industry: employer.industry,
    divisionCode: employer.divisionCode ?? null,
    divisionName,
    address: employer.address,
    contactName: employer.contactName,
    contactPhoneMasked: maskContactPhone(crypto.decrypt(employer.contactPhone.enc)),
    status: employer.status,
    createdAt: employer.createdAt.toISOString(),
    updatedAt: employer.updatedAt.toISOString(),
  };
}
