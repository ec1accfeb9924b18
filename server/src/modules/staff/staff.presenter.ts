import { maskPhone, type StaffUser } from '@anqian/shared';
import type { FieldCrypto } from '../../security/field-crypto';
import type { StaffUserRecord } from './staff-user.model';

export function presentStaff(
  user: StaffUserRecord,
  extras: { divisionName: string; lockedUntil: Date | null; crypto: FieldCrypto },
): StaffUser {
  return {
    id: user._id.toString(),
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    divisionCode: user.divisionCode,
    divisionName: extras.divisionName,
    phoneMasked: user.phone ? maskPhone(extras.crypto.decrypt(user.phone.enc)) : null,
    canExportPersonalData: user.canExportPersonalData,
    status: user.status,
    lockedUntil: extras.lockedUntil && extras.lockedUntil > new Date() ? extras.lockedUntil.toISOString() : null,
    lastLoginAt: user.lastLoginAt ? user.lastLoginAt.toISOString() : null,
    createdAt: (user as { createdAt?: Date }).createdAt?.toISOString() ?? new Date(0).toISOString(),
  };
}
