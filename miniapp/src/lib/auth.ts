import Taro from '@tarojs/taro';
import type { Resident, ResidentTokens } from '@anqian/shared';
import { ApiError, request, setSessionRenewer } from './request';
import { clearSession, loadResident, loadTokens, saveResident, saveTokens } from './storage';
import { createStore, useStore } from './store';

export type Session = { signedIn: boolean; resident: Resident | null };

const sessionStore = createStore<Session>({ signedIn: false, resident: null });

/** Restore the session saved on the phone; called once when the app starts, before any page. */
export function startSession(): void {
  setSessionRenewer(renewSession);
  const signedIn = loadTokens() !== null;
  sessionStore.set({ signedIn, resident: signedIn ? loadResident() : null });
}

export function useSession(): Session {
  return useStore(sessionStore);
}

export function getSession(): Session {
  return sessionStore.get();
}

/** The server answered with a newer view of the resident (consent, phone): remember it. */
export function setResident(resident: Resident): void {
  saveResident(resident);
  sessionStore.set({ signedIn: true, resident });
}

/**
 * WeChat sign-in: a one-time code from wx.login, exchanged by our server. The H5 build has no
 * wx.login and asks the development fake WeChat server for a code instead.
 */
async function getLoginCode(): Promise<string> {
  if (process.env.TARO_ENV === 'h5') return devLoginCode();
  const { code } = await Taro.login().catch(() => ({ code: '' }));
  if (!code) throw new ApiError(0, 'WECHAT_UNAVAILABLE', '微信登录没有成功，请稍后再试');
  return code;
}

async function devLoginCode(): Promise<string> {
  const { code } = await request<{ code: string }>('/fake-wechat/dev/login-code', {
    method: 'POST',
    data: {},
    auth: false,
    baseUrl: '',
  });
  return code;
}

export async function signIn(): Promise<Resident> {
  const code = await getLoginCode();
  const tokens = await request<ResidentTokens>('/resident/auth/login', { method: 'POST', data: { code }, auth: false });
  applyTokens(tokens);
  return tokens.resident;
}

function applyTokens(tokens: ResidentTokens): void {
  saveTokens({
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + tokens.expiresIn * 1000,
  });
  setResident(tokens.resident);
}

let renewing: Promise<boolean> | null = null;

/**
 * After a 401: refresh once, else sign in again with a new wx.login code (silent on WeChat).
 * Concurrent 401s share one renewal. A network failure is rethrown so the caller shows it.
 */
function renewSession(): Promise<boolean> {
  renewing ??= (async () => {
    const tokens = loadTokens();
    if (tokens) {
      try {
        applyTokens(
          await request<ResidentTokens>('/resident/auth/refresh', {
            method: 'POST',
            data: { refreshToken: tokens.refreshToken },
            auth: false,
            retryPrompt: false,
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'NETWORK_ERROR') throw error;
      }
    }
    try {
      await signIn();
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NETWORK_ERROR') throw error;
      endSession();
      return false;
    }
  })().finally(() => {
    renewing = null;
  });
  return renewing;
}

/** Re-read the resident from the server; quiet because it runs in the background on app show. */
export async function refreshResident(): Promise<void> {
  if (!sessionStore.get().signedIn) return;
  try {
    setResident(await request<Resident>('/resident/me', { retryPrompt: false }));
  } catch {
    // Offline or signed out meanwhile: the saved copy stays on screen; a 401 already ended the session.
  }
}

export async function signOut(): Promise<void> {
  try {
    await request<void>('/resident/auth/logout', { method: 'POST', renew: false, retryPrompt: false });
  } catch {
    // Signing out on the phone must always work; the server token expires by itself.
  }
  endSession();
}

function endSession(): void {
  clearSession();
  sessionStore.set({ signedIn: false, resident: null });
}
