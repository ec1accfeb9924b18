import request from 'supertest';
import { createFakeWechatApp, FAKE_WECHAT_APP_ID, FAKE_WECHAT_APP_SECRET } from './fake-wechat-app';

// The client-facing behaviour is covered end to end in integrations/wechat/wechat-client.test.ts;
// this file covers what only the fake does: WeChat's own rules the client never trips over.

const START = Date.parse('2025-03-01T08:00:00Z');

function buildFake() {
  const clock = { now: START };
  const http = request(createFakeWechatApp({ now: () => clock.now }).callback());
  const stableToken = async (body: Record<string, unknown> = {}) =>
    (
      await http.post('/cgi-bin/stable_token').send({
        grant_type: 'client_credential',
        appid: FAKE_WECHAT_APP_ID,
        secret: FAKE_WECHAT_APP_SECRET,
        force_refresh: false,
        ...body,
      })
    ).body;
  return {
    http,
    stableToken,
    advance: (ms: number) => {
      clock.now += ms;
    },
    token: async () => (await stableToken()).access_token as string,
    signIn: async (openid: string) => {
      const { code } = (await http.post('/dev/login-code').send({ openid })).body;
      await http.get('/sns/jscode2session').query({
        appid: FAKE_WECHAT_APP_ID,
        secret: FAKE_WECHAT_APP_SECRET,
        js_code: code,
        grant_type: 'authorization_code',
      });
    },
  };
}

describe('fake WeChat: stable_token', () => {
  it('checks the app id and secret', async () => {
    const fake = buildFake();
    expect(await fake.stableToken({ appid: 'wx-other' })).toEqual({ errcode: 40013, errmsg: 'invalid appid' });
    expect(await fake.stableToken({ secret: 'wrong' })).toEqual({ errcode: 40125, errmsg: 'invalid appsecret' });
    expect(await fake.stableToken({ grant_type: 'password' })).toMatchObject({ errcode: 40002 });
  });

  it('returns the same token with a shrinking expires_in, and a new one in its last 5 minutes', async () => {
    const fake = buildFake();
    const first = await fake.stableToken();
    expect(first).toEqual({ access_token: expect.any(String), expires_in: 7200 });

    fake.advance(1000_000);
    expect(await fake.stableToken()).toEqual({ access_token: first.access_token, expires_in: 6200 });

    fake.advance(6200_000 - 300_000);
    const next = await fake.stableToken();
    expect(next).toEqual({ access_token: expect.not.stringMatching(first.access_token), expires_in: 7200 });

    // Both tokens work during the hand-over; the old one then expires (42001).
    const check = (token: string) =>
      fake.http
        .post('/wxa/msg_sec_check')
        .query({ access_token: token })
        .send({ version: 2, openid: 'o1', scene: 1, content: 'hi' });
    expect((await check(first.access_token)).body).toMatchObject({ errcode: 0 });
    fake.advance(300_000);
    expect((await check(first.access_token)).body).toMatchObject({ errcode: 42001 });
    expect((await check(next.access_token)).body).toMatchObject({ errcode: 0 });
  });

  it('counts forced refreshes, revokes the old token, and ignores a second one within 30 s', async () => {
    const fake = buildFake();
    const old = await fake.token();
    const forced = await fake.stableToken({ force_refresh: true });
    const again = await fake.stableToken({ force_refresh: true });

    expect(forced.access_token).not.toBe(old);
    expect(again.access_token).toBe(forced.access_token);
    expect((await fake.http.get('/dev/stats')).body.forceRefreshes).toBe(1);
    const phone = await fake.http
      .post('/wxa/business/getuserphonenumber')
      .query({ access_token: old })
      .send({ code: 'x' });
    expect(phone.body).toMatchObject({ errcode: 40001 });
  });

  it('allows 20 forced refreshes a day', async () => {
    const fake = buildFake();
    for (let i = 0; i < 20; i += 1) {
      expect(await fake.stableToken({ force_refresh: true })).toHaveProperty('access_token');
      fake.advance(30_000);
    }
    expect(await fake.stableToken({ force_refresh: true })).toMatchObject({ errcode: 45009 });
  });
});

describe('fake WeChat: access-token endpoints', () => {
  it('answers 41001 without a token and 40001 for an unknown one', async () => {
    const fake = buildFake();
    const missing = await fake.http.post('/wxa/msg_sec_check').send({});
    expect(missing.status).toBe(200);
    expect(missing.body).toEqual({ errcode: 41001, errmsg: 'access_token missing' });
    const unknown = await fake.http.post('/wxa/msg_sec_check').query({ access_token: 'forged' }).send({});
    expect(unknown.body).toMatchObject({ errcode: 40001 });
  });

  it('answers 47001 to a body that is not JSON', async () => {
    const fake = buildFake();
    const response = await fake.http
      .post('/wxa/msg_sec_check')
      .query({ access_token: await fake.token() })
      .set('content-type', 'application/json')
      .send('{not json');
    expect(response.body).toEqual({ errcode: 47001, errmsg: 'data format error' });
  });

  it('returns phone_info with a watermark', async () => {
    const fake = buildFake();
    const { code } = (await fake.http.post('/dev/phone-code').send({ phoneNumber: '+8613800000000' })).body;
    const response = await fake.http
      .post('/wxa/business/getuserphonenumber')
      .query({ access_token: await fake.token() })
      .send({ code });
    expect(response.body).toEqual({
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: '13800000000',
        purePhoneNumber: '13800000000',
        countryCode: '86',
        watermark: { appid: FAKE_WECHAT_APP_ID, timestamp: START / 1000 },
      },
    });
  });

  it('rejects expired phone codes', async () => {
    const fake = buildFake();
    const { code } = (await fake.http.post('/dev/phone-code').send({ phoneNumber: '13800000000' })).body;
    fake.advance(5 * 60_000 + 1);
    const response = await fake.http
      .post('/wxa/business/getuserphonenumber')
      .query({ access_token: await fake.token() })
      .send({ code });
    expect(response.body).toEqual({ errcode: 40029, errmsg: 'invalid code' });
  });

  it('checks subscribe messages as WeChat does, before using up an acceptance', async () => {
    const fake = buildFake();
    const token = await fake.token();
    await fake.signIn('resident-1');
    await fake.http.post('/dev/subscribe-accept').send({ openid: 'resident-1', templateIds: ['tmpl-1'] }).expect(204);
    const send = async (body: Record<string, unknown>) =>
      (
        await fake.http
          .post('/cgi-bin/message/subscribe/send')
          .query({ access_token: token })
          .send({ touser: 'resident-1', template_id: 'tmpl-1', data: { thing1: { value: '通知' } }, ...body })
      ).body;

    expect(await send({ touser: 'never-signed-in' })).toMatchObject({ errcode: 40003 });
    expect(await send({ template_id: '' })).toMatchObject({ errcode: 40037 });
    expect(await send({ page: 'pages/a b' })).toMatchObject({ errcode: 41030 });
    expect(await send({ data: { thing1: { value: '一'.repeat(21) } } })).toMatchObject({ errcode: 47003 });
    expect(await send({ data: {} })).toMatchObject({ errcode: 47003 });
    expect(await send({ miniprogram_state: 'production' })).toMatchObject({ errcode: 47003 });
    expect(await send({ page: '/pages/index/index?from=msg' })).toEqual({ errcode: 0, errmsg: 'ok', msgid: 1 });
    expect(await send({})).toMatchObject({ errcode: 43101 });

    const others = await fake.http.get('/dev/sent-messages').query({ touser: 'someone-else' });
    expect(others.body).toEqual([]);
    const all = await fake.http.get('/dev/sent-messages');
    expect(all.body).toEqual([
      expect.objectContaining({
        touser: 'resident-1',
        page: '/pages/index/index?from=msg',
        sentAt: new Date(START).toISOString(),
      }),
    ]);
  });

  it('checks msg_sec_check input', async () => {
    const fake = buildFake();
    const token = await fake.token();
    const check = async (body: Record<string, unknown>) =>
      (
        await fake.http
          .post('/wxa/msg_sec_check')
          .query({ access_token: token })
          .send({ version: 2, openid: 'o1', scene: 2, content: '你好', ...body })
      ).body;

    expect(await check({ content: 'x'.repeat(2501) })).toMatchObject({ errcode: 47003 });
    expect(await check({ scene: 9 })).toMatchObject({ errcode: 47001 });
    expect(await check({ version: 1 })).toMatchObject({ errcode: 47001 });
    expect(await check({ openid: '' })).toMatchObject({ errcode: 40003 });
    expect(await check({})).toMatchObject({ errcode: 0, result: { suggest: 'pass', label: 100 } });
  });
});

describe('fake WeChat: dev endpoints', () => {
  it('refuses malformed requests with 400', async () => {
    const fake = buildFake();
    await fake.http.post('/dev/login-code').send({ openid: 'has spaces' }).expect(400);
    await fake.http.post('/dev/phone-code').send({ phoneNumber: '12345' }).expect(400);
    await fake.http.post('/dev/subscribe-accept').send({ openid: 'o1', templateIds: [] }).expect(400);
    const both = await fake.http.post('/dev/fail-next').send({ path: '/x', errcode: 1, httpStatus: 500 }).expect(400);
    expect(both.body.errcode).toBe(47001);
  });

  it('injects one failure per request, in order, then behaves again', async () => {
    const fake = buildFake();
    await fake.http.post('/dev/fail-next').send({ path: '/cgi-bin/stable_token', errcode: -1 }).expect(204);
    await fake.http.post('/dev/fail-next').send({ path: '/cgi-bin/stable_token', httpStatus: 503 }).expect(204);

    expect(await fake.stableToken()).toEqual({ errcode: -1, errmsg: 'injected failure' });
    const unavailable = await fake.http.post('/cgi-bin/stable_token').send({});
    expect(unavailable.status).toBe(503);
    expect(await fake.stableToken()).toHaveProperty('access_token');
    expect((await fake.http.get('/dev/stats')).body.requests).toEqual({ '/cgi-bin/stable_token': 3 });
  });
});
