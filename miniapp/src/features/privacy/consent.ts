import { PRIVACY_NOTICE, type Resident } from '@anqian/shared';
import { setResident, signIn, getSession } from '@/lib/auth';
import { request } from '@/lib/request';
import { clearAllDrafts } from '@/features/registration/draft-storage';
import { dismissFirstOpenNotice, rememberPrivacyAgreed } from './first-open';

/**
 * Record consent to the notice shown in the app (PRIVACY_NOTICE, bundled so it reads offline).
 * Signs in first when needed: agreeing is the resident's own tap, so a silent wx.login is fine.
 */
export async function giveConsent(sensitive: boolean): Promise<Resident> {
  if (!getSession().signedIn) await signIn();
  const resident = await request<Resident>('/resident/consent', {
    method: 'POST',
    data: { version: PRIVACY_NOTICE.version, sensitive },
  });
  setResident(resident);
  rememberPrivacyAgreed(true);
  return resident;
}

/** Withdrawing either consent also deletes the registration drafts kept on the phone. */
export async function withdrawConsent(scope: 'sensitive' | 'all'): Promise<Resident> {
  const resident = await request<Resident>('/resident/consent/withdraw', { method: 'POST', data: { scope } });
  setResident(resident);
  if (scope === 'all') {
    // Asked again on the next start, not straight back over the page the resident withdrew on.
    rememberPrivacyAgreed(false);
    dismissFirstOpenNotice();
  }
  clearAllDrafts();
  return resident;
}
