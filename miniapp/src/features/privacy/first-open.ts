import { PRIVACY_NOTICE } from '@anqian/shared';
import { useSession } from '@/lib/auth';
import { loadPrivacyAgreed, savePrivacyAgreed } from '@/lib/storage';
import { createStore, useStore } from '@/lib/store';
import { consentStatus } from './consent-status';

/**
 * WeChat requires the privacy notice before any personal data is collected, and signing in already
 * sends the WeChat identity. So the notice opens over the first page of a first visit, whatever page
 * that is, and agreeing leaves the resident on that page. "Not now" hides it until the app restarts.
 */
const state = createStore({ agreed: loadPrivacyAgreed() === PRIVACY_NOTICE.version, dismissed: false });

export function useFirstOpenNoticeShown(): boolean {
  const { signedIn, resident } = useSession();
  const { agreed, dismissed } = useStore(state);
  return !agreed && !dismissed && consentStatus(signedIn, resident) !== 'given';
}

/** Remembered on the phone, so signing out and in again does not ask a second time. */
export function rememberPrivacyAgreed(agreed: boolean): void {
  savePrivacyAgreed(agreed ? PRIVACY_NOTICE.version : null);
  state.set((current) => ({ ...current, agreed }));
}

export function dismissFirstOpenNotice(): void {
  state.set((current) => ({ ...current, dismissed: true }));
}
