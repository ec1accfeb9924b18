import Taro from '@tarojs/taro';
import type { RegistrationDraft } from './draft';

/**
 * One saved draft per form: the resident's own registration, the one a village cadre is entering
 * for a household, and each returned registration being corrected. Kept on the phone only, so a
 * closed app or a lost signal loses nothing; cleared once the server has the registration.
 */
export type DraftSlot = 'self' | 'cadre' | `resubmit.${string}`;

const PREFIX = 'aq.registration-draft.v1.';

function isDraft(value: unknown): value is RegistrationDraft {
  const draft = value as Partial<RegistrationDraft> | null;
  return (
    typeof draft === 'object' &&
    draft !== null &&
    typeof draft.idempotencyKey === 'string' &&
    typeof draft.head === 'object' &&
    Array.isArray(draft.members) &&
    Array.isArray(draft.photos) &&
    typeof draft.wishes === 'object'
  );
}

export function loadDraft(slot: DraftSlot): RegistrationDraft | null {
  try {
    const value: unknown = Taro.getStorageSync(PREFIX + slot);
    return isDraft(value) ? value : null;
  } catch {
    return null;
  }
}

export function saveDraft(slot: DraftSlot, draft: RegistrationDraft): void {
  try {
    Taro.setStorageSync(PREFIX + slot, draft);
  } catch {
    // Storage full: the form keeps working, it just will not survive closing the app.
  }
}

export function clearDraft(slot: DraftSlot): void {
  try {
    Taro.removeStorageSync(PREFIX + slot);
  } catch {
    // Nothing useful to do; a stale draft is offered again and can be discarded by hand.
  }
}

/** Every saved draft: they hold ID numbers, so they go when the resident withdraws consent. */
export function clearAllDrafts(): void {
  try {
    for (const key of Taro.getStorageInfoSync().keys) if (key.startsWith(PREFIX)) Taro.removeStorageSync(key);
  } catch {
    // As in clearDraft.
  }
}
