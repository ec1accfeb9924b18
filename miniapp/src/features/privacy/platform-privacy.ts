import Taro from '@tarojs/taro';
import { createStore, useStore } from '@/lib/store';

/**
 * WeChat blocks privacy APIs (phone number, images, location) until the user agrees in our own
 * notice. It tells us through onNeedPrivacyAuthorization; the page on screen then shows the popup,
 * and the agree button (open-type agreePrivacyAuthorization, this id) lets the blocked call continue.
 */
export const AGREE_BUTTON_ID = 'aq-privacy-agree';

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;

let pendingResolve: Resolve | null = null;
const pendingStore = createStore(false);

export function registerPlatformPrivacy(): void {
  const taro = Taro as unknown as { onNeedPrivacyAuthorization?: (listener: (resolve: Resolve) => void) => void };
  if (process.env.TARO_ENV !== 'weapp' || typeof taro.onNeedPrivacyAuthorization !== 'function') return;
  taro.onNeedPrivacyAuthorization((resolve) => {
    pendingResolve = resolve;
    resolve({ event: 'exposureAuthorization' });
    pendingStore.set(true);
  });
}

export function usePlatformPrivacyPending(): boolean {
  return useStore(pendingStore);
}

export function answerPlatformPrivacy(agreed: boolean): void {
  pendingResolve?.(agreed ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' });
  pendingResolve = null;
  pendingStore.set(false);
}
