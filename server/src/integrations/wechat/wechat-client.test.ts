import net from 'node:net';
import {
  DEMO_RESIDENT_OPENID,
  FAKE_WECHAT_APP_ID,
  FAKE_WECHAT_APP_SECRET,
  startFakeWechatServer,
  type FakeWechatServer,
} from '../../dev/fake-wechat/fake-wechat-app';
import { createMemoryAccessTokenStore, type AccessTokenStore } from './access-token-store';
import {
  createWechatClient,
  WechatApiError,
  WechatUnavailableError,
  type WechatClientOptions,
  type WechatLogger,
} from './wechat-client';

const START = Date.parse('2025-03-01T08:00:00Z');
const TEMPLATE_ID = 'tmpl-request-progress';

type Harness = Awaited<ReturnType<typeof buildWechat>>;
const running: FakeWechatServer[] = [];

/** A fake WeChat on a free port, a client pointed at it, and one clock both of them read. */
async function buildWechat(overrides: Partial<WechatClientOptions> = {}) {
  const clock = { now: START };
  const now = () => clock.now;
  const server = await startFakeWechatServer({ now });
  running.push(server);
  const tokenStore: AccessTokenStore = overrides.tokenStore ?? createMemoryAccessTokenStore();
  const logged: unknown[] = [];
  const logger: WechatLogger = {
    debug: (details, message) => logged.push({ details, message }),
    warn: (details, message) => logged.push({ details, message }),
  };
  const clientOptions: WechatClientOptions = {
    baseUrl: server.url,
    appId: FAKE_WECHAT_APP_ID,
    appSecret: FAKE_WECHAT_APP_SECRET,
    tokenStore,
    now,
    logger,
    ...overrides,
  };
  const client = createWechatClient(clientOptions);

  async function dev<T = unknown>(path: string, body?: unknown): Promise<T> {
    const response = await fetch(server.url + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.status).toBeLessThan(300);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  return {
    server,
    client,
    clientOptions,
    tokenStore,
    logged,
    advance: (ms: number) => {
      clock.now += ms;
    },
    loginCode: async (openid?: string) =>
      (await dev<{ code: string }>('/dev/login-code', openid ? { openid } : {})).code,
    phoneCode: async (phoneNumber: string) => (await dev<{ code: string }>('/dev/phone-code', { phoneNumber })).code,
    accept: (openid: string, templateIds: string[]) => dev('/dev/subscribe-accept', { openid, templateIds }),
    failNext: (failure: { path: string; errcode?: number; errmsg?: string; httpStatus?: number }) =>
      dev('/dev/fail-next', failure),
    sentMessages: (touser: string) =>
      dev<Array<{ touser: string; data: unknown }>>(`/dev/sent-messages?touser=${encodeURIComponent(touser)}`),
    stats: () => dev<{ requests: Record<string, number>; forceRefreshes: number }>('/dev/stats'),
  };
}

/** A resident who has signed in once, as WeChat requires before it delivers messages to them. */
async function signedInResident(wechat: Harness, openid = 'resident-openid-1') {
  await wechat.client.code2Session(await wechat.loginCode(openid));
  return openid;
}

async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

async function apiError(promise: Promise<unknown>): Promise<WechatApiError> {
  const error = await caught(promise);
  expect(error).toBeInstanceOf(WechatApiError);
  return error as WechatApiError;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

describe('code2Session', () => {
  it('exchanges a login code for the openid and a new session_key per sign-in', async () => {
    const wechat = await buildWechat();
    const first = await wechat.client.code2Session(await wechat.loginCode('resident-a'));
    const second = await wechat.client.code2Session(await wechat.loginCode('resident-a'));

    expect(first.openid).toBe('resident-a');
    expect(second.openid).toBe('resident-a');
    expect(first.sessionKey).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(second.sessionKey).not.toBe(first.sessionKey);
    expect(first).not.toHaveProperty('unionid');
  });

  it('uses the demo resident when the dev endpoint is given no openid', async () => {
    const wechat = await buildWechat();
    const session = await wechat.client.code2Session(await wechat.loginCode());
    expect(session.openid).toBe(DEMO_RESIDENT_OPENID);
  });

  it('accepts each code once (40163 on reuse)', async () => {
    const wechat = await buildWechat();
    const code = await wechat.loginCode();
    await wechat.client.code2Session(code);

    const error = await apiError(wechat.client.code2Session(code));
    expect(error).toMatchObject({ errcode: 40163, kind: 'invalid_code' });
  });

  it('rejects unknown and expired codes with 40029', async () => {
    const wechat = await buildWechat();
    expect(await apiError(wechat.client.code2Session('never-issued'))).toMatchObject({
      errcode: 40029,
      kind: 'invalid_code',
    });

    const code = await wechat.loginCode();
    wechat.advance(5 * 60_000 + 1);
    expect(await apiError(wechat.client.code2Session(code))).toMatchObject({ errcode: 40029, kind: 'invalid_code' });
  });

  it.each([
    ['fake-rate-limited', 45011, 'rate_limited'],
    ['fake-high-risk', 40226, 'high_risk'],
    ['fake-busy', -1, 'busy'],
  ])('maps WeChat error for code %s to %s / %s', async (code, errcode, kind) => {
    const wechat = await buildWechat();
    expect(await apiError(wechat.client.code2Session(code))).toMatchObject({ errcode, kind });
  });

  it('is rate limited to 100 sign-ins a minute per user (45011)', async () => {
    const wechat = await buildWechat();
    for (let i = 0; i < 100; i += 1) await wechat.client.code2Session(await wechat.loginCode('eager-user'));

    const code = await wechat.loginCode('eager-user');
    expect(await apiError(wechat.client.code2Session(code))).toMatchObject({ errcode: 45011, kind: 'rate_limited' });
    await expect(wechat.client.code2Session(await wechat.loginCode('someone-else'))).resolves.toBeDefined();

    wechat.advance(60_000);
    await expect(wechat.client.code2Session(code)).resolves.toMatchObject({ openid: 'eager-user' });
  });

  it('reports a wrong app id or secret as kind "other"', async () => {
    const wrongSecret = await buildWechat({ appSecret: 'not-the-secret' });
    expect(await apiError(wrongSecret.client.code2Session(await wrongSecret.loginCode()))).toMatchObject({
      errcode: 40125,
      kind: 'other',
    });

    const wrongApp = await buildWechat({ appId: 'wx-someone-else' });
    expect(await apiError(wrongApp.client.code2Session(await wrongApp.loginCode()))).toMatchObject({
      errcode: 40013,
      kind: 'other',
    });
  });
});

describe('access token', () => {
  it('fetches one token for many concurrent and later callers', async () => {
    const wechat = await buildWechat();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => wechat.client.getAccessToken()));
    expect(new Set(tokens).size).toBe(1);
    await wechat.client.getAccessToken();
    await wechat.client.getAccessToken();

    expect((await wechat.stats()).requests['/cgi-bin/stable_token']).toBe(1);
  });

  it('shares the cached token with other processes through the store', async () => {
    const wechat = await buildWechat();
    const token = await wechat.client.getAccessToken();
    const otherProcess = createWechatClient({ ...wechat.clientOptions, logger: undefined });

    expect(await otherProcess.getAccessToken()).toBe(token);
    expect((await wechat.stats()).requests['/cgi-bin/stable_token']).toBe(1);
  });

  it('refreshes about 5 minutes before expiry, without forcing', async () => {
    const wechat = await buildWechat();
    const first = await wechat.client.getAccessToken();
    expect((await wechat.tokenStore.get())?.expiresAt.getTime()).toBe(START + 7200_000);

    wechat.advance(7200_000 - 5 * 60_000 - 1000);
    expect(await wechat.client.getAccessToken()).toBe(first);
    expect((await wechat.stats()).requests['/cgi-bin/stable_token']).toBe(1);

    wechat.advance(2000);
    const second = await wechat.client.getAccessToken();
    expect(second).not.toBe(first);
    expect((await wechat.tokenStore.get())?.expiresAt.getTime()).toBe(START + 7200_000 - 5 * 60_000 + 1000 + 7200_000);
    expect(await wechat.stats()).toMatchObject({ requests: { '/cgi-bin/stable_token': 2 }, forceRefreshes: 0 });
  });

  it('drops a token WeChat calls invalid (40001) and retries once', async () => {
    const wechat = await buildWechat();
    await wechat.client.getAccessToken();
    await wechat.failNext({ path: '/wxa/business/getuserphonenumber', errcode: 40001 });

    const phone = await wechat.client.getPhoneNumber(await wechat.phoneCode('13800000000'));

    expect(phone.purePhoneNumber).toBe('13800000000');
    expect(await wechat.stats()).toMatchObject({
      requests: { '/cgi-bin/stable_token': 2, '/wxa/business/getuserphonenumber': 2 },
      forceRefreshes: 0,
    });
  });

  it('picks up the new token after someone force-refreshed it elsewhere', async () => {
    const wechat = await buildWechat();
    const stale = await wechat.client.getAccessToken();
    await fetch(`${wechat.server.url}/cgi-bin/stable_token`, {
      method: 'POST',
      body: JSON.stringify({
        grant_type: 'client_credential',
        appid: FAKE_WECHAT_APP_ID,
        secret: FAKE_WECHAT_APP_SECRET,
        force_refresh: true,
      }),
    });

    await expect(wechat.client.checkText({ openid: 'o1', scene: 2, content: '你好' })).resolves.toMatchObject({
      suggest: 'pass',
    });
    expect(await wechat.client.getAccessToken()).not.toBe(stale);
  });

  it('retries on an expired token (42001) too, but only once', async () => {
    const wechat = await buildWechat();
    await wechat.failNext({ path: '/wxa/msg_sec_check', errcode: 42001 });
    await expect(wechat.client.checkText({ openid: 'o1', scene: 2, content: '你好' })).resolves.toBeDefined();

    await wechat.failNext({ path: '/wxa/msg_sec_check', errcode: 40001 });
    await wechat.failNext({ path: '/wxa/msg_sec_check', errcode: 40001 });
    const error = await apiError(wechat.client.checkText({ openid: 'o1', scene: 2, content: '你好' }));
    expect(error).toMatchObject({ errcode: 40001, kind: 'other' });
  });
});

describe('getPhoneNumber', () => {
  it('returns the number behind a phone code, once', async () => {
    const wechat = await buildWechat();
    const code = await wechat.phoneCode('13912345678');

    expect(await wechat.client.getPhoneNumber(code)).toEqual({
      phoneNumber: '13912345678',
      purePhoneNumber: '13912345678',
      countryCode: '86',
    });
    expect(await apiError(wechat.client.getPhoneNumber(code))).toMatchObject({ errcode: 40029, kind: 'invalid_code' });
  });
});

describe('sendSubscribeMessage', () => {
  const message = (toUser: string) => ({
    toUser,
    templateId: TEMPLATE_ID,
    page: 'subpackages/requests/pages/detail?id=42',
    data: {
      thing1: { value: '危房改造申请' },
      phrase2: { value: '已受理' },
      time3: { value: '2025-03-01 16:00' },
    },
    miniprogramState: 'formal' as const,
    lang: 'zh_CN' as const,
  });

  it('is refused (43101) when the resident has not accepted the template', async () => {
    const wechat = await buildWechat();
    const openid = await signedInResident(wechat);

    expect(await apiError(wechat.client.sendSubscribeMessage(message(openid)))).toMatchObject({
      errcode: 43101,
      kind: 'refused',
    });
    expect(await wechat.sentMessages(openid)).toEqual([]);
  });

  it('delivers one message per acceptance', async () => {
    const wechat = await buildWechat();
    const openid = await signedInResident(wechat);
    await wechat.accept(openid, [TEMPLATE_ID]);

    await wechat.client.sendSubscribeMessage(message(openid));
    expect(await apiError(wechat.client.sendSubscribeMessage(message(openid)))).toMatchObject({ kind: 'refused' });

    const sent = await wechat.sentMessages(openid);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      touser: openid,
      template_id: TEMPLATE_ID,
      page: 'subpackages/requests/pages/detail?id=42',
      data: message(openid).data,
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    });
  });

  it.each([
    ['thing', 'thing1', '一'.repeat(21)],
    ['phrase', 'phrase1', '已经受理完毕'],
    ['phrase (Chinese only)', 'phrase1', 'done'],
    ['name', 'name1', '张'.repeat(11)],
    ['character_string', 'character_string1', 'A'.repeat(33)],
    ['number', 'number1', '1'.repeat(33)],
  ])('refuses an over-long or malformed %s field before calling WeChat', async (_type, key, value) => {
    const wechat = await buildWechat();
    const openid = await signedInResident(wechat);
    await wechat.accept(openid, [TEMPLATE_ID]);

    const error = await apiError(
      wechat.client.sendSubscribeMessage({ toUser: openid, templateId: TEMPLATE_ID, data: { [key]: { value } } }),
    );

    expect(error).toMatchObject({ errcode: 47003, kind: 'bad_data' });
    expect(error.message).toContain(`data.${key}.value`);
    expect((await wechat.stats()).requests['/cgi-bin/message/subscribe/send']).toBeUndefined();
  });

  it('sends fields exactly at their limits', async () => {
    const wechat = await buildWechat();
    const openid = await signedInResident(wechat);
    await wechat.accept(openid, [TEMPLATE_ID]);

    await wechat.client.sendSubscribeMessage({
      toUser: openid,
      templateId: TEMPLATE_ID,
      data: {
        thing1: { value: '一'.repeat(20) },
        phrase2: { value: '已经受理了' },
        name3: { value: '张'.repeat(10) },
        character_string4: { value: 'A'.repeat(32) },
        number5: { value: '9'.repeat(32) },
      },
    });
    expect(await wechat.sentMessages(openid)).toHaveLength(1);
  });

  it('reports a malformed page path as 41030', async () => {
    const wechat = await buildWechat();
    const openid = await signedInResident(wechat);
    await wechat.accept(openid, [TEMPLATE_ID]);

    const error = await apiError(wechat.client.sendSubscribeMessage({ ...message(openid), page: 'pages//bad path' }));
    expect(error).toMatchObject({ errcode: 41030, kind: 'bad_page' });
  });
});

describe('checkText', () => {
  it.each([
    ['我家房屋墙体开裂，申请鉴定', 'pass', 100],
    ['这段内容待审', 'review', 21000],
    ['有人组织赌博', 'risky', 20006],
    ['违禁内容', 'risky', 20001],
  ])('classifies %s as %s', async (content, suggest, label) => {
    const wechat = await buildWechat();
    const result = await wechat.client.checkText({ openid: 'resident-openid-1', scene: 2, content });
    expect(result).toMatchObject({ suggest, label });
    expect(result.traceId).toEqual(expect.any(String));
  });

  it('refuses content over 2,500 characters before calling WeChat', async () => {
    const wechat = await buildWechat();
    const longest = '好'.repeat(2500);
    await expect(wechat.client.checkText({ openid: 'o1', scene: 2, content: longest })).resolves.toBeDefined();

    const error = await apiError(wechat.client.checkText({ openid: 'o1', scene: 2, content: '好'.repeat(2501) }));
    expect(error).toMatchObject({ errcode: 47003, kind: 'bad_data' });
    expect((await wechat.stats()).requests['/wxa/msg_sec_check']).toBe(1);
  });
});

describe('when WeChat is unreachable or misbehaves', () => {
  it('reports a closed port as WechatUnavailableError', async () => {
    const wechat = await buildWechat();
    await wechat.server.close();

    const error = await caught(wechat.client.code2Session('any-code'));
    expect(error).toBeInstanceOf(WechatUnavailableError);
    expect(error.message).toBe('WeChat /sns/jscode2session unavailable: network error ECONNREFUSED');
  });

  it('gives up after the timeout', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const client = createWechatClient({
        baseUrl: `http://127.0.0.1:${port}`,
        appId: FAKE_WECHAT_APP_ID,
        appSecret: FAKE_WECHAT_APP_SECRET,
        tokenStore: createMemoryAccessTokenStore(),
        timeoutMs: 200,
      });
      const error = await caught(client.getAccessToken());
      expect(error).toBeInstanceOf(WechatUnavailableError);
      expect(error.message).toContain('no answer within 200 ms');
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('treats a 5xx or a body that is not JSON as unavailable', async () => {
    const wechat = await buildWechat();
    await wechat.failNext({ path: '/sns/jscode2session', httpStatus: 502 });
    const error = await caught(wechat.client.code2Session(await wechat.loginCode()));
    expect(error).toBeInstanceOf(WechatUnavailableError);
    expect(error.message).toContain('HTTP 502');

    const html = createWechatClient({
      ...wechat.clientOptions,
      fetch: async () => new Response('<html>gateway</html>', { status: 200 }),
    });
    expect(await caught(html.code2Session('code'))).toBeInstanceOf(WechatUnavailableError);

    const wrongShape = createWechatClient({
      ...wechat.clientOptions,
      fetch: async () => Response.json({ openid: 'o1' }),
    });
    expect((await caught(wrongShape.code2Session('code'))).message).toContain('unexpected response shape');
  });
});

describe('secrets', () => {
  it('never puts the app secret, access token or session_key into errors or log lines', async () => {
    const wechat = await buildWechat();
    const session = await wechat.client.code2Session(await wechat.loginCode());
    const token = await wechat.client.getAccessToken();
    const notAccepted = { toUser: session.openid, templateId: 't', data: { thing1: { value: 'x' } } };
    const errors = [
      await caught(wechat.client.code2Session('never-issued')),
      await caught(wechat.client.getPhoneNumber('never-issued')),
      await caught(wechat.client.sendSubscribeMessage(notAccepted)),
    ];
    // WeChat echoing a secret back in errmsg must not carry it into our error either.
    const echoedSecret = `invalid appsecret ${FAKE_WECHAT_APP_SECRET}`;
    await wechat.failNext({ path: '/sns/jscode2session', errcode: 40125, errmsg: echoedSecret });
    errors.push(await caught(wechat.client.code2Session('code')));
    await wechat.failNext({ path: '/wxa/msg_sec_check', errcode: 40001, errmsg: `invalid credential ${token}` });
    await wechat.failNext({ path: '/wxa/msg_sec_check', errcode: 40001, errmsg: `invalid credential ${token}` });
    errors.push(await caught(wechat.client.checkText({ openid: 'o1', scene: 1, content: 'x' })));
    await wechat.server.close();
    errors.push(await caught(wechat.client.code2Session('code')));

    const everything = JSON.stringify([
      errors.map((error) => ({ ...error, message: error.message, stack: error.stack })),
      wechat.logged,
    ]);
    const isWechatError = (error: Error) => error instanceof WechatApiError || error instanceof WechatUnavailableError;
    expect(errors.every(isWechatError)).toBe(true);
    expect(everything).not.toContain(FAKE_WECHAT_APP_SECRET);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(session.sessionKey);
    expect(everything).toContain('invalid appsecret ***');
  });
});
