/**
 * A stand-in for the WeChat server API, for development and tests only. It speaks the endpoints
 * our WeChat client uses, with WeChat's JSON shapes and errcodes, and keeps its state in memory.
 * The `/dev/*` endpoints are ours: they mint the codes the mini-program would get from WeChat,
 * record subscribe acceptances, list sent messages and inject failures.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import Koa from 'koa';
import { z } from 'zod';
import { findSubscribeDataProblem } from '../../integrations/wechat/subscribe-data';

export type FakeWechatOptions = { appId?: string; appSecret?: string; now?: () => number };

/** The same development defaults as config.ts, so an unconfigured dev server and the fake agree. */
export const FAKE_WECHAT_APP_ID = 'wx-dev-appid';
export const FAKE_WECHAT_APP_SECRET = 'dev-wechat-app-secret-not-for-production';
export const DEMO_RESIDENT_OPENID = 'demo-resident-openid';

/** Literal login codes that always fail, so each error path can be reached from the outside. */
export const FAKE_FAILING_LOGIN_CODES = {
  'fake-rate-limited': { errcode: 45011, errmsg: 'api minute-quota reach limit, mustslower retry next minute' },
  'fake-high-risk': { errcode: 40226, errmsg: 'invalid code, high risk user' },
  'fake-busy': { errcode: -1, errmsg: 'system error' },
} as const;

const CODE_TTL_MS = 5 * 60_000;
const TOKEN_TTL_MS = 7200_000;
/** In normal mode WeChat hands out the next token during the last 5 minutes of the current one. */
const TOKEN_ROTATE_BEFORE_MS = 5 * 60_000;
const FORCE_REFRESH_MIN_INTERVAL_MS = 30_000;
const FORCE_REFRESHES_PER_DAY = 20;
const LOGINS_PER_MINUTE = 100;
const TEXT_CHECK_MAX_CHARACTERS = 2500;

const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'];
const LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'];
const PAGE_PATH = /^\/?[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*(\?\S*)?$/;
const RISKY_WORDS: Array<{ word: string; label: number }> = [
  { word: '违禁', label: 20001 },
  { word: '赌博', label: 20006 },
];
const REVIEW_WORD = '待审';

/** A WeChat-style failure: answered with HTTP 200 and `{ errcode, errmsg }`, as WeChat does. */
class WechatReplyError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly status = 200,
  ) {
    super(errmsg);
  }
}

function fail(errcode: number, errmsg: string): never {
  throw new WechatReplyError(errcode, errmsg);
}

type MintedCode<T> = T & { issuedAt: number; used: boolean };
type InjectedFailure = { errcode?: number; errmsg?: string; httpStatus?: number };
export type FakeSentMessage = {
  touser: string;
  template_id: string;
  page?: string;
  data: unknown;
  miniprogram_state?: string;
  lang?: string;
  sentAt: string;
};

const devBodies = {
  loginCode: z.object({ openid: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional() }),
  phoneCode: z.object({ phoneNumber: z.string().regex(/^(\+?86)?1\d{10}$/) }),
  subscribeAccept: z.object({ openid: z.string().min(1), templateIds: z.array(z.string().min(1)).min(1) }),
  failNext: z
    .object({
      path: z.string().startsWith('/'),
      errcode: z.number().int().optional(),
      errmsg: z.string().optional(),
      httpStatus: z.number().int().min(400).max(599).optional(),
    })
    .refine((body) => (body.errcode === undefined) !== (body.httpStatus === undefined), {
      message: 'give either errcode or httpStatus',
    }),
};

function devBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const detail = result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
    throw new WechatReplyError(47001, `data format error: ${detail.join('; ')}`, 400);
  }
  return result.data;
}

const randomHex = (bytes: number) => randomBytes(bytes).toString('hex');

export function createFakeWechatApp(options: FakeWechatOptions = {}): Koa {
  const appId = options.appId ?? FAKE_WECHAT_APP_ID;
  const appSecret = options.appSecret ?? FAKE_WECHAT_APP_SECRET;
  const now = options.now ?? Date.now;

  const loginCodes = new Map<string, MintedCode<{ openid: string }>>();
  const phoneCodes = new Map<string, MintedCode<{ purePhoneNumber: string }>>();
  const knownOpenids = new Set<string>();
  const loginTimes = new Map<string, number[]>();
  const tokens = new Map<string, { expiresAt: number; revoked: boolean }>();
  let currentToken: { token: string; expiresAt: number } | null = null;
  const forceRefreshTimes: number[] = [];
  const acceptances = new Map<string, number>();
  const sentMessages: FakeSentMessage[] = [];
  const injectedFailures = new Map<string, InjectedFailure[]>();
  const requestCounts: Record<string, number> = {};

  function mint<T extends object>(codes: Map<string, MintedCode<T>>, value: T): string {
    const at = now();
    for (const [code, minted] of codes) if (at - minted.issuedAt > 2 * CODE_TTL_MS) codes.delete(code);
    const code = randomHex(16);
    codes.set(code, { ...value, issuedAt: at, used: false });
    return code;
  }

  function issueToken(): { token: string; expiresAt: number } {
    const token = `fake-access-token-${randomHex(24)}`;
    const expiresAt = now() + TOKEN_TTL_MS;
    tokens.set(token, { expiresAt, revoked: false });
    currentToken = { token, expiresAt };
    return currentToken;
  }

  function currentOrNextToken(at: number) {
    // The previous token stays valid until its own expiry, so callers switch over smoothly.
    if (!currentToken || at >= currentToken.expiresAt - TOKEN_ROTATE_BEFORE_MS) return issueToken();
    return currentToken;
  }

  function forceRefreshToken(at: number) {
    const lastForced = forceRefreshTimes[forceRefreshTimes.length - 1];
    // Like WeChat: a forced refresh within 30 s of the last one returns the token it just made.
    if (currentToken && lastForced !== undefined && at - lastForced < FORCE_REFRESH_MIN_INTERVAL_MS) {
      return currentToken;
    }
    if (forceRefreshTimes.filter((forcedAt) => at - forcedAt < 86_400_000).length >= FORCE_REFRESHES_PER_DAY) {
      fail(45009, 'reach max api daily quota limit');
    }
    for (const issued of tokens.values()) issued.revoked = true;
    forceRefreshTimes.push(at);
    return issueToken();
  }

  function requireAccessToken(query: Record<string, unknown>): void {
    const token = query.access_token;
    if (typeof token !== 'string' || token === '') fail(41001, 'access_token missing');
    const known = tokens.get(token);
    if (!known || known.revoked) fail(40001, 'invalid credential, access_token is invalid or not latest');
    if (now() >= known.expiresAt) fail(42001, 'access_token expired');
  }

  const router = new Router();

  router.get('/sns/jscode2session', (ctx) => {
    const { appid, secret, js_code: code, grant_type: grantType } = ctx.query;
    if (appid !== appId) fail(40013, 'invalid appid');
    if (secret !== appSecret) fail(40125, 'invalid appsecret');
    if (grantType !== 'authorization_code') fail(40002, 'invalid grant_type');
    if (typeof code !== 'string' || code === '') fail(41008, 'missing code');
    if (Object.hasOwn(FAKE_FAILING_LOGIN_CODES, code)) {
      const failing = FAKE_FAILING_LOGIN_CODES[code as keyof typeof FAKE_FAILING_LOGIN_CODES];
      fail(failing.errcode, failing.errmsg);
    }

    const minted = loginCodes.get(code);
    if (!minted || now() - minted.issuedAt > CODE_TTL_MS) fail(40029, 'invalid code');
    if (minted.used) fail(40163, 'code been used');
    const { openid } = minted;
    const recent = (loginTimes.get(openid) ?? []).filter((at) => now() - at < 60_000);
    if (recent.length >= LOGINS_PER_MINUTE) fail(45011, 'api minute-quota reach limit, mustslower retry next minute');
    loginTimes.set(openid, [...recent, now()]);

    minted.used = true;
    knownOpenids.add(openid);
    ctx.body = { openid, session_key: randomBytes(16).toString('base64') };
  });

  router.post('/cgi-bin/stable_token', (ctx) => {
    const body = (ctx.request.body ?? {}) as Record<string, unknown>;
    if (body.grant_type !== 'client_credential') fail(40002, 'invalid grant_type');
    if (body.appid !== appId) fail(40013, 'invalid appid');
    if (body.secret !== appSecret) fail(40125, 'invalid appsecret');

    const at = now();
    const token = body.force_refresh === true ? forceRefreshToken(at) : currentOrNextToken(at);
    ctx.body = { access_token: token.token, expires_in: Math.floor((token.expiresAt - at) / 1000) };
  });

  router.post('/wxa/business/getuserphonenumber', (ctx) => {
    requireAccessToken(ctx.query);
    const { code } = (ctx.request.body ?? {}) as Record<string, unknown>;
    const minted = typeof code === 'string' ? phoneCodes.get(code) : undefined;
    // WeChat answers 40029 for unknown, expired and reused phone codes alike.
    if (!minted || minted.used || now() - minted.issuedAt > CODE_TTL_MS) fail(40029, 'invalid code');
    minted.used = true;
    ctx.body = {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: minted.purePhoneNumber,
        purePhoneNumber: minted.purePhoneNumber,
        countryCode: '86',
        watermark: { appid: appId, timestamp: Math.floor(now() / 1000) },
      },
    };
  });

  router.post('/cgi-bin/message/subscribe/send', (ctx) => {
    requireAccessToken(ctx.query);
    const body = (ctx.request.body ?? {}) as Record<string, unknown>;
    const { touser, template_id: templateId, page, miniprogram_state: state, lang } = body;
    if (typeof touser !== 'string' || !knownOpenids.has(touser)) fail(40003, 'invalid openid');
    if (typeof templateId !== 'string' || templateId === '') fail(40037, 'invalid template_id');
    if (page !== undefined && (typeof page !== 'string' || !PAGE_PATH.test(page))) fail(41030, 'invalid page');
    if (state !== undefined && !MINIPROGRAM_STATES.includes(state as string)) {
      fail(47003, 'argument invalid! miniprogram_state');
    }
    if (lang !== undefined && !LANGS.includes(lang as string)) fail(47003, 'argument invalid! lang');
    const problem = findSubscribeDataProblem(body.data);
    if (problem) fail(47003, `argument invalid! ${problem}`);

    const key = `${touser}\n${templateId}`;
    const accepted = acceptances.get(key) ?? 0;
    if (accepted === 0) fail(43101, 'user refuse to accept the msg');
    acceptances.set(key, accepted - 1);
    sentMessages.push({
      touser,
      template_id: templateId,
      page: page as string | undefined,
      data: body.data,
      miniprogram_state: state as string | undefined,
      lang: lang as string | undefined,
      sentAt: new Date(now()).toISOString(),
    });
    ctx.body = { errcode: 0, errmsg: 'ok', msgid: sentMessages.length };
  });

  router.post('/wxa/msg_sec_check', (ctx) => {
    requireAccessToken(ctx.query);
    const { version, openid, scene, content } = (ctx.request.body ?? {}) as Record<string, unknown>;
    if (version !== 2) fail(47001, 'data format error: only version 2 is supported');
    if (typeof openid !== 'string' || openid === '') fail(40003, 'invalid openid');
    if (![1, 2, 3, 4].includes(scene as number)) fail(47001, 'data format error: scene');
    if (typeof content !== 'string') fail(47001, 'data format error: content');
    if ([...content].length > TEXT_CHECK_MAX_CHARACTERS) fail(47003, 'argument invalid! content too long');

    const risky = RISKY_WORDS.find(({ word }) => content.includes(word));
    const result = risky
      ? { suggest: 'risky', label: risky.label }
      : content.includes(REVIEW_WORD)
        ? { suggest: 'review', label: 21000 }
        : { suggest: 'pass', label: 100 };
    ctx.body = {
      errcode: 0,
      errmsg: 'ok',
      result,
      detail: [{ strategy: 'content_model', errcode: 0, ...result, prob: result.suggest === 'pass' ? 0 : 90 }],
      trace_id: randomHex(12),
    };
  });

  router.post('/dev/login-code', (ctx) => {
    const { openid = DEMO_RESIDENT_OPENID } = devBody(devBodies.loginCode, ctx.request.body);
    ctx.body = { code: mint(loginCodes, { openid }) };
  });

  router.post('/dev/phone-code', (ctx) => {
    const { phoneNumber } = devBody(devBodies.phoneCode, ctx.request.body);
    ctx.body = { code: mint(phoneCodes, { purePhoneNumber: phoneNumber.slice(-11) }) };
  });

  router.post('/dev/subscribe-accept', (ctx) => {
    const { openid, templateIds } = devBody(devBodies.subscribeAccept, ctx.request.body);
    knownOpenids.add(openid);
    for (const templateId of templateIds) {
      const key = `${openid}\n${templateId}`;
      acceptances.set(key, (acceptances.get(key) ?? 0) + 1);
    }
    ctx.status = 204;
  });

  router.get('/dev/sent-messages', (ctx) => {
    const { touser } = ctx.query;
    ctx.body = typeof touser === 'string' ? sentMessages.filter((sent) => sent.touser === touser) : sentMessages;
  });

  router.post('/dev/fail-next', (ctx) => {
    const { path, ...failure } = devBody(devBodies.failNext, ctx.request.body);
    injectedFailures.set(path, [...(injectedFailures.get(path) ?? []), failure]);
    ctx.status = 204;
  });

  /** Requests per WeChat endpoint (injected failures included) and forced token refreshes. */
  router.get('/dev/stats', (ctx) => {
    ctx.body = { requests: requestCounts, forceRefreshes: forceRefreshTimes.length };
  });

  const app = new Koa();
  app.use(async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      if (error instanceof WechatReplyError) {
        ctx.status = error.status;
        ctx.body = { errcode: error.errcode, errmsg: error.errmsg };
      } else if ((error as { status?: number }).status === 400 || (error as { status?: number }).status === 413) {
        ctx.status = 200;
        ctx.body = { errcode: 47001, errmsg: 'data format error' };
      } else {
        ctx.status = 500;
        ctx.body = { errcode: -1, errmsg: 'system error' };
      }
    }
  });
  app.use(async (ctx, next) => {
    if (ctx.path.startsWith('/dev/')) return next();
    requestCounts[ctx.path] = (requestCounts[ctx.path] ?? 0) + 1;
    const injected = injectedFailures.get(ctx.path)?.shift();
    if (!injected) return next();
    if (injected.httpStatus !== undefined) {
      ctx.status = injected.httpStatus;
      ctx.type = 'text/html';
      ctx.body = '<html><body>injected failure</body></html>';
    } else {
      ctx.body = { errcode: injected.errcode, errmsg: injected.errmsg ?? 'injected failure' };
    }
  });
  // WeChat reads POST bodies as JSON whatever the content type says.
  app.use(bodyParser({ enableTypes: ['json'], detectJSON: () => true }));
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}

export type FakeWechatServer = { url: string; close(): Promise<void> };

/** Listens on 127.0.0.1 (port 0: any free port). */
export async function startFakeWechatServer(
  options: FakeWechatOptions & { port?: number } = {},
): Promise<FakeWechatServer> {
  const { port = 0, ...appOptions } = options;
  const server = http.createServer(createFakeWechatApp(appOptions).callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      })),
  };
}
