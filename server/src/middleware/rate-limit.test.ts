import pino from 'pino';
import request from 'supertest';
import { ERRORS } from '@anqian/shared';
import { buildSubmitBody, villageOf } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createApp } from '../app';
import { connectDatabase } from '../db/connect';
import { createMemoryAccessTokenStore } from '../integrations/wechat/access-token-store';
import { createWechatClient } from '../integrations/wechat/wechat-client';

let t: TestApp;
let village: string;

beforeAll(async () => {
  // Trust X-Forwarded-For, so that each test puts its callers behind the address it names.
  t = await createTestApp({ TRUST_PROXY: 'true' });
  village = villageOf(t.county);
});
afterAll(() => t.close());

const SUBMIT = '/api/resident/registrations';
const windows = () => t.connection.db!.collection<{ _id: string; count: number; resetAt: Date }>('rate_limits');
let addressCounter = 0;
const freshAddress = () => `10.50.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`;

type Caller = ReturnType<TestApp['request']>;
/** A registration submission; an empty body is refused as invalid (400) after it was counted. */
const submit = (token: string, address: string, body: object = {}, caller: Caller = t.request()) =>
  caller.post(SUBMIT).set('Authorization', `Bearer ${token}`).set('X-Forwarded-For', address).send(body);

function expectRateLimited(response: request.Response) {
  expect([response.status, response.body.error?.code, response.body.error?.message]).toEqual([429, 'RATE_LIMITED', ERRORS.RATE_LIMITED.message]);
  expect(response.headers['retry-after']).toBe('60');
}

describe('routes for signed-in residents count each resident, not each address', () => {
  it('accepts a registration from each of 25 residents behind one carrier address within a minute', async () => {
    const carrierAddress = '117.136.12.34';
    const residents = [];
    for (let i = 0; i < 25; i += 1) residents.push(await t.residentToken());

    const statuses = [];
    for (const { token } of residents) statuses.push((await submit(token, carrierAddress, buildSubmitBody(village))).status);

    expect(statuses).toEqual(Array(25).fill(201));
  });

  it('refuses the 21st submission of one resident in a minute, from whatever address, but not a neighbour on the same address', async () => {
    const { token } = await t.residentToken();
    const neighbour = await t.residentToken();
    const statuses = [];
    for (let i = 0; i < 20; i += 1) statuses.push((await submit(token, freshAddress())).status);
    const lastAddress = freshAddress();

    const refused = await submit(token, lastAddress);
    const neighbours = await submit(neighbour.token, lastAddress, buildSubmitBody(village));

    expect(statuses).toEqual(Array(20).fill(400));
    expectRateLimited(refused);
    expect(neighbours.status).toBe(201);
  });

  it('lets the resident submit again once the minute is over, and the maintenance purge removes run-out windows', async () => {
    const { token, login } = await t.residentToken();
    const ownWindow = { _id: `post ${SUBMIT}|resident:${login.resident.id}` };
    for (let i = 0; i < 20; i += 1) await submit(token, freshAddress());
    expectRateLimited(await submit(token, freshAddress()));
    expect(await windows().findOne(ownWindow)).toMatchObject({ count: 21 });

    await windows().updateOne(ownWindow, { $set: { resetAt: new Date(Date.now() - 1000) } });
    const nextMinute = await submit(token, freshAddress());
    expect(nextMinute.status).toBe(400);
    expect(await windows().findOne(ownWindow)).toMatchObject({ count: 1 });

    await windows().updateOne(ownWindow, { $set: { resetAt: new Date(Date.now() - 1000) } });
    const open = await windows().countDocuments({ resetAt: { $gt: new Date() } });
    expect(open).toBeGreaterThan(0);
    await t.services.rateLimits.purgeExpired();
    expect(await windows().findOne(ownWindow)).toBeNull();
    expect(await windows().countDocuments({ resetAt: { $gt: new Date() } })).toBe(open);
  });
});

describe('routes for signed-in staff count each account', () => {
  it('refuses the 11th password change of one account in a minute, but not a colleague in the same office', async () => {
    const officeAddress = '202.98.0.7';
    const first = await t.staffAgent('township_staff');
    const colleague = await t.staffAgent('township_staff');
    const changePassword = (staff: typeof first) =>
      staff.agent.post('/api/auth/change-password').set('X-CSRF-Token', staff.csrf).set('X-Forwarded-For', officeAddress).send({});

    const statuses = [];
    for (let i = 0; i < 10; i += 1) statuses.push((await changePassword(first)).status);
    const refused = await changePassword(first);
    const colleagues = await changePassword(colleague);

    expect(statuses).toEqual(Array(10).fill(400));
    expectRateLimited(refused);
    expect(colleagues.status).toBe(400);
  });
});

describe('public routes count each client address', () => {
  it('refuses the 61st token refresh from one address in a minute, but not another address', async () => {
    const address = freshAddress();
    const refresh = (from: string) => t.request().post('/api/resident/auth/refresh').set('X-Forwarded-For', from).send({ refreshToken: 'not-a-real-refresh-token' });

    const statuses = [];
    for (let i = 0; i < 60; i += 1) statuses.push((await refresh(address)).status);
    const refused = await refresh(address);
    const elsewhere = await refresh(freshAddress());

    expect(statuses).toEqual(Array(60).fill(401));
    expectRateLimited(refused);
    expect(elsewhere.status).toBe(401);
  });
});

describe('two server processes on one database', () => {
  it('share one count: 10 submissions through each leave the resident no 21st through either', async () => {
    // A second app as a second process would build it: its own connection to the same database.
    const connection = await connectDatabase(t.config.mongodbUri!, t.config.mongodbDb);
    const wechat = createWechatClient({
      baseUrl: t.config.wechat.apiBase,
      appId: t.config.wechat.appId,
      appSecret: t.config.wechat.appSecret,
      tokenStore: createMemoryAccessTokenStore(),
    });
    const second = createApp({ config: t.config, connection, logger: pino({ level: 'silent' }), wechat });
    const secondServer = second.app.listen(0, '127.0.0.1');
    try {
      const { token } = await t.residentToken();
      const statuses = [];
      for (let i = 0; i < 10; i += 1) {
        statuses.push((await submit(token, freshAddress())).status);
        statuses.push((await submit(token, freshAddress(), {}, request(secondServer) as unknown as Caller)).status);
      }

      expect(statuses).toEqual(Array(20).fill(400));
      expectRateLimited(await submit(token, freshAddress(), {}, request(secondServer) as unknown as Caller));
      expectRateLimited(await submit(token, freshAddress()));
    } finally {
      await new Promise((resolve) => secondServer.close(resolve));
      await connection.close();
    }
  });
});
