import Taro from '@tarojs/taro';
import type { Resident } from '@anqian/shared';

/**
 * Everything the mini-program keeps on the phone. Keys are versioned so a future format change can
 * ignore stale values instead of crashing on them.
 */
const KEYS = {
  tokens: 'aq.tokens.v1',
  resident: 'aq.resident.v1',
  settings: 'aq.settings.v1',
  messagesSeenAt: 'aq.messages-seen.v1',
  privacyAgreed: 'aq.privacy-agreed.v1',
} as const;

export type StoredTokens = { accessToken: string; refreshToken: string; expiresAt: number };

export type Settings = {
  /** null: the resident never chose, so follow the system font size. */
  largeText: boolean | null;
};

const DEFAULT_SETTINGS: Settings = { largeText: null };

function read<T>(key: string): T | null {
  try {
    const value: unknown = Taro.getStorageSync(key);
    return value === '' || value === undefined || value === null ? null : (value as T);
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // Storage full or unavailable: the app still works for this session, it just won't remember.
  }
}

function remove(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // Same as above: nothing useful to do.
  }
}

export function loadTokens(): StoredTokens | null {
  const tokens = read<StoredTokens>(KEYS.tokens);
  return tokens && typeof tokens.accessToken === 'string' && typeof tokens.refreshToken === 'string' ? tokens : null;
}

export function saveTokens(tokens: StoredTokens): void {
  write(KEYS.tokens, tokens);
}

export function loadResident(): Resident | null {
  return read<Resident>(KEYS.resident);
}

export function saveResident(resident: Resident): void {
  write(KEYS.resident, resident);
}

export function clearSession(): void {
  remove(KEYS.tokens);
  remove(KEYS.resident);
}

export function loadSettings(): Settings {
  return { ...DEFAULT_SETTINGS, ...(read<Partial<Settings>>(KEYS.settings) ?? {}) };
}

export function saveSettings(settings: Settings): void {
  write(KEYS.settings, settings);
}

/** The newest message the resident has seen in the 消息 tab (an ISO time), so newer ones stand out. */
export function loadMessagesSeenAt(): string | null {
  return read<string>(KEYS.messagesSeenAt);
}

export function saveMessagesSeenAt(at: string): void {
  write(KEYS.messagesSeenAt, at);
}

/** The privacy notice version the resident agreed to on this phone, kept across sign-outs. */
export function loadPrivacyAgreed(): string | null {
  return read<string>(KEYS.privacyAgreed);
}

export function savePrivacyAgreed(version: string | null): void {
  if (version) write(KEYS.privacyAgreed, version);
  else remove(KEYS.privacyAgreed);
}
