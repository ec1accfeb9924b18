import type { Resident } from '@anqian/shared';

export type ConsentStatus = 'signed-out' | 'missing' | 'outdated' | 'given';

/** A consent counts only for the notice version the server currently asks for. */
export function consentStatus(signedIn: boolean, resident: Resident | null): ConsentStatus {
  if (!signedIn || !resident) return 'signed-out';
  if (!resident.consent) return 'missing';
  return resident.consent.version === resident.currentPrivacyVersion ? 'given' : 'outdated';
}
