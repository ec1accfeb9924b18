import { z } from 'zod';
import type { AccessTokenStore, StoredAccessToken } from './access-token-store';
import { findSubscribeDataProblem, type SubscribeMessageData } from './subscribe-data';
import { WechatApiError, WechatUnavailableError } from './wechat-errors';

export { WechatApiError, WechatUnavailableError, type WechatErrorKind } from './wechat-errors';
export {
  createMemoryAccessTokenStore,
  createMongoAccessTokenStore,
  type AccessTokenStore,
  type StoredAccessToken,
} from './access-token-store';

/** pino's logger fits; only endpoint paths, errcodes and timings are logged, never secrets. */
export type WechatLogger = {
  debug(details: object, message: string): void;
  warn(details: object, message: string): void;
};

export type WechatClientOptions = {
  /** `https://api.weixin.qq.com` in production, the fake server's URL in development and tests. */
  baseUrl: string;
  appId: string;
  appSecret: string;
  tokenStore: AccessTokenStore;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Clock for access-token expiry; tests move it forward. */
  now?: () => number;
  logger?: WechatLogger;
};

export type WechatSession = {
  openid: string;
  /** Keep it server-side only: never log it, never return it to the mini-program. */
  sessionKey: string;
  unionid?: string;
};

export type WechatPhoneNumber = { phoneNumber: string; purePhoneNumber: string; countryCode: string };

export type SubscribeMessage = {
  toUser: string;
  templateId: string;
  /** Mini-program page opened from the message, e.g. `pages/requests/detail?id=1`. */
  page?: string;
  data: SubscribeMessageData;
  miniprogramState?: 'developer' | 'trial' | 'formal';
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';
};

/** 1 profile, 2 comment, 3 forum, 4 social. */
export type TextCheckScene = 1 | 2 | 3 | 4;

export type TextCheckResult = {
  suggest: 'pass' | 'review' | 'risky';
  /** WeChat's label: 100 normal, 20001 politics, 20006 crime, … */
  label: number;
  traceId?: string;
};

export interface WechatClient {
  code2Session(code: string): Promise<WechatSession>;
  getAccessToken(): Promise<string>;
  getPhoneNumber(code: string): Promise<WechatPhoneNumber>;
  sendSubscribeMessage(message: SubscribeMessage): Promise<void>;
  checkText(input: { openid: string; scene: TextCheckScene; content: string }): Promise<TextCheckResult>;
}

export const TEXT_CHECK_MAX_CHARACTERS = 2500;

/** WeChat itself hands out a new token in the last 5 minutes, so refreshing earlier gains nothing. */
const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;
const DEFAULT_TIMEOUT_MS = 10_000;
/** 40001 invalid token, 42001 expired token. */
const STALE_TOKEN_ERRCODES = new Set([40001, 42001]);

const ENDPOINTS = {
  code2Session: '/sns/jscode2session',
  stableToken: '/cgi-bin/stable_token',
  phoneNumber: '/wxa/business/getuserphonenumber',
  subscribeSend: '/cgi-bin/message/subscribe/send',
  textCheck: '/wxa/msg_sec_check',
} as const;

const sessionResponse = z.object({
  openid: z.string().min(1),
  session_key: z.string().min(1),
  unionid: z.string().min(1).optional(),
});
const tokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });
const phoneResponse = z.object({
  phone_info: z.object({ phoneNumber: z.string(), purePhoneNumber: z.string(), countryCode: z.string() }),
});
const textCheckResponse = z.object({
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.number() }),
  trace_id: z.string().optional(),
});

type JsonObject = Record<string, unknown>;

export function createWechatClient(options: WechatClientOptions): WechatClient {
  const { appId, appSecret, tokenStore, logger } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchImpl = options.fetch ?? fetch;
  const now = options.now ?? Date.now;

  /** Sends one request; `secrets` are scrubbed from anything WeChat echoes into an errmsg. */
  async function call(
    endpoint: string,
    request: { query?: Record<string, string>; body?: JsonObject },
    secrets: string[],
  ): Promise<JsonObject> {
    const url = new URL(baseUrl + endpoint);
    for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
    const started = Date.now();
    const unavailable = (reason: string) => {
      logger?.warn({ wechatEndpoint: endpoint, reason, ms: Date.now() - started }, 'WeChat unavailable');
      return new WechatUnavailableError(endpoint, reason);
    };

    let status: number;
    let text: string;
    try {
      const response = await fetchImpl(url, {
        method: request.body ? 'POST' : 'GET',
        headers: request.body ? { 'content-type': 'application/json' } : undefined,
        body: request.body ? JSON.stringify(request.body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      throw unavailable(describeFetchFailure(error, timeoutMs));
    }
    if (status >= 500) throw unavailable(`HTTP ${status}`);

    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      throw unavailable(`HTTP ${status} with a body that is not JSON`);
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      throw unavailable(`HTTP ${status} with a body that is not a JSON object`);
    }
    const body = payload as JsonObject;
    if (typeof body.errcode === 'number' && body.errcode !== 0) {
      logger?.warn({ wechatEndpoint: endpoint, errcode: body.errcode, ms: Date.now() - started }, 'WeChat error');
      throw new WechatApiError(endpoint, body.errcode, scrub(String(body.errmsg ?? ''), [appSecret, ...secrets]));
    }
    if (status < 200 || status >= 300) throw unavailable(`HTTP ${status}`);
    logger?.debug({ wechatEndpoint: endpoint, ms: Date.now() - started }, 'WeChat call');
    return body;
  }

  function parse<T>(schema: z.ZodType<T>, endpoint: string, body: JsonObject): T {
    const result = schema.safeParse(body);
    if (!result.success) throw new WechatUnavailableError(endpoint, 'unexpected response shape');
    return result.data;
  }

  const isFresh = (stored: StoredAccessToken | null): stored is StoredAccessToken =>
    stored !== null && stored.expiresAt.getTime() - now() > TOKEN_REFRESH_MARGIN_MS;

  let refreshing: Promise<string> | null = null;

  async function refreshAccessToken(): Promise<string> {
    // Another process may have stored a fresh token while this one was deciding to refresh.
    const stored = await tokenStore.get();
    if (isFresh(stored)) return stored.token;
    const body = await call(
      ENDPOINTS.stableToken,
      // force_refresh would invalidate the token every other process is using (and is capped at 20 a day).
      { body: { grant_type: 'client_credential', appid: appId, secret: appSecret, force_refresh: false } },
      [],
    );
    const { access_token: token, expires_in: expiresIn } = parse(tokenResponse, ENDPOINTS.stableToken, body);
    await tokenStore.set({ token, expiresAt: new Date(now() + expiresIn * 1000) });
    return token;
  }

  async function getAccessToken(): Promise<string> {
    const stored = await tokenStore.get();
    if (isFresh(stored)) return stored.token;
    refreshing ??= refreshAccessToken().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  /** Calls an access-token endpoint; if WeChat says the token is stale, drops it and retries once. */
  async function callWithToken(endpoint: string, body: JsonObject): Promise<JsonObject> {
    const token = await getAccessToken();
    try {
      return await call(endpoint, { query: { access_token: token }, body }, [token]);
    } catch (error) {
      if (!(error instanceof WechatApiError) || !STALE_TOKEN_ERRCODES.has(error.errcode)) throw error;
      await tokenStore.clear(token);
      const fresh = await getAccessToken();
      return call(endpoint, { query: { access_token: fresh }, body }, [fresh]);
    }
  }

  return {
    async code2Session(code) {
      const body = await call(
        ENDPOINTS.code2Session,
        { query: { appid: appId, secret: appSecret, js_code: code, grant_type: 'authorization_code' } },
        [],
      );
      const session = parse(sessionResponse, ENDPOINTS.code2Session, body);
      return {
        openid: session.openid,
        sessionKey: session.session_key,
        ...(session.unionid ? { unionid: session.unionid } : {}),
      };
    },

    getAccessToken,

    async getPhoneNumber(code) {
      const body = await callWithToken(ENDPOINTS.phoneNumber, { code });
      // zod drops the watermark and anything else WeChat adds.
      return parse(phoneResponse, ENDPOINTS.phoneNumber, body).phone_info;
    },

    async sendSubscribeMessage(message) {
      const problem = findSubscribeDataProblem(message.data);
      if (problem) throw new WechatApiError(ENDPOINTS.subscribeSend, 47003, `not sent: ${problem}`);
      await callWithToken(ENDPOINTS.subscribeSend, {
        touser: message.toUser,
        template_id: message.templateId,
        page: message.page,
        data: message.data,
        miniprogram_state: message.miniprogramState,
        lang: message.lang,
      });
    },

    async checkText({ openid, scene, content }) {
      if ([...content].length > TEXT_CHECK_MAX_CHARACTERS) {
        throw new WechatApiError(
          ENDPOINTS.textCheck,
          47003,
          `not sent: content is longer than ${TEXT_CHECK_MAX_CHARACTERS} characters`,
        );
      }
      const body = await callWithToken(ENDPOINTS.textCheck, { version: 2, openid, scene, content });
      const { result, trace_id: traceId } = parse(textCheckResponse, ENDPOINTS.textCheck, body);
      return { suggest: result.suggest, label: result.label, ...(traceId ? { traceId } : {}) };
    },
  };
}

function describeFetchFailure(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  // Only the system error code: undici's messages and causes are not needed and may quote the URL.
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === 'string' ? `network error ${code}` : 'network error';
}

function scrub(text: string, secrets: string[]): string {
  return secrets.filter((secret) => secret.length > 0).reduce((out, secret) => out.split(secret).join('***'), text);
}
