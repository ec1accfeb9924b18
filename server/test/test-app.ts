import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { ROLE_DIVISION_LEVEL, type StaffRole } from '@anqian/shared';
import { createApp } from '../src/app';
import { movableClock } from '../src/clock';
import { loadConfig, type Config } from '../src/config';
import { connectDatabase, syncIndexes } from '../src/db/connect';
import { startFakeWechatServer } from '../src/dev/fake-wechat/fake-wechat-app';
import { createMemoryAccessTokenStore } from '../src/integrations/wechat/access-token-store';
import { createWechatClient } from '../src/integrations/wechat/wechat-client';
import { createServices } from '../src/services';

export const TEST_PASSWORD = 'Test@Pass2026';

export const testSecrets = () => ({
  SESSION_SECRET: randomBytes(32).toString('base64'),
  ENCRYPTION_KEY: randomBytes(32).toString('base64'),
});

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * The real Koa app against a real database (one per test file) and the fake WeChat API over HTTP.
 * `staffAgent(role)` signs a fresh account in and returns a cookie-keeping agent with its CSRF token.
 * `clock` is the server's: a test that needs a period to have run its course moves it forward.
 */
export async function createTestApp(overrides: Partial<Record<string, string>> = {}) {
  const dbName = `test_${process.env.JEST_WORKER_ID ?? 0}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const fakeWechat = await startFakeWechatServer({ port: 0 });
  const uploadDir = mkdtempSync(path.join(tmpdir(), 'anqian-test-uploads-'));
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    MONGODB_URI: process.env.MONGODB_URI,
    MONGODB_DB: dbName,
    UPLOAD_DIR: uploadDir,
    WECHAT_API_BASE: fakeWechat.url,
    LOG_LEVEL: 'silent',
    ...testSecrets(),
    ...overrides,
  });
  const connection = await connectDatabase(config.mongodbUri!, config.mongodbDb);
  const wechat = createWechatClient({
    // The fake unless the caller overrides WECHAT_API_BASE (e.g. to an unreachable address).
    baseUrl: config.wechat.apiBase,
    appId: config.wechat.appId,
    appSecret: config.wechat.appSecret,
    tokenStore: createMemoryAccessTokenStore(),
  });
  const clock = movableClock();
  const { app, services, serviceDeps } = createApp({ config, connection, logger: pino({ level: 'silent' }), wechat, clock });
  await syncIndexes(connection);
  await services.divisions.ensureSeeded();
  const server: Server = app.listen(0, '127.0.0.1');
  const county = await services.divisions.tree();
  let accountCounter = 0;

  const divisionFor = (role: StaffRole, townshipIndex = 0) => {
    const township = county.children[townshipIndex];
    return { county: county.code, township: township.code, village: township.children[0].code }[ROLE_DIVISION_LEVEL[role]];
  };

  /** Creates an active account (no forced password change unless asked) directly through the service. */
  async function createStaff(role: StaffRole, options: { townshipIndex?: number; divisionCode?: string; mustChange?: boolean; username?: string } = {}) {
    accountCounter += 1;
    const username = options.username ?? `${role.replace('_', '')}${accountCounter}`;
    const root = { id: 'test', username: 'root', displayName: 'root', role: 'county_admin' as const, divisionCode: county.code };
    const { user } = await services.staff.create(
      root,
      { username, displayName: `测试${accountCounter}`, role, divisionCode: options.divisionCode ?? divisionFor(role, options.townshipIndex) },
      { password: TEST_PASSWORD, mustChange: options.mustChange ?? false },
    );
    return user;
  }

  async function signIn(username: string, password = TEST_PASSWORD) {
    const agent = request.agent(server);
    const response = await agent.post('/api/auth/login').send({ username, password });
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
    return { agent, csrf: response.body.csrfToken as string, session: response.body };
  }

  async function staffAgent(role: StaffRole, options: Parameters<typeof createStaff>[1] = {}) {
    const user = await createStaff(role, options);
    return { user, ...(await signIn(user.username)) };
  }

  async function residentToken(openid = `openid-${randomBytes(4).toString('hex')}`, consent = true) {
    const { code } = await fetch(`${fakeWechat.url}/dev/login-code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid }),
    }).then((r) => r.json() as Promise<{ code: string }>);
    const login = await request(server).post('/api/resident/auth/login').send({ code });
    if (login.status !== 200) throw new Error(`resident sign-in failed: ${login.status} ${JSON.stringify(login.body)}`);
    const token = login.body.accessToken as string;
    if (consent) {
      await request(server).post('/api/resident/consent').set('Authorization', `Bearer ${token}`).send({ version: login.body.resident.currentPrivacyVersion, sensitive: true });
    }
    return { token, login: login.body };
  }

  /** The services of a second server process on the same database: its own connection and memory. */
  async function anotherProcess() {
    const otherConnection = await connectDatabase(config.mongodbUri!, config.mongodbDb);
    return { services: createServices({ ...serviceDeps, connection: otherConnection }), close: () => otherConnection.close() };
  }

  return {
    server,
    request: () => request(server) as unknown as TestAgent,
    services,
    serviceDeps,
    connection,
    config,
    clock,
    county,
    fakeWechat,
    createStaff,
    signIn,
    staffAgent,
    residentToken,
    anotherProcess,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await services.ledgerImport.stopJobs();
      await connection.dropDatabase();
      await connection.close();
      await fakeWechat.close();
      rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}
