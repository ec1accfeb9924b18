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
