import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import {
  FAKE_WECHAT_APP_ID,
  FAKE_WECHAT_APP_SECRET,
  startFakeWechatServer,
} from '../../dev/fake-wechat/fake-wechat-app';
import {
  createMemoryAccessTokenStore,
  createMongoAccessTokenStore,
  WECHAT_TOKENS_COLLECTION,
  type AccessTokenStore,
} from './access-token-store';
import { createWechatClient } from './wechat-client';

const at = (iso: string) => new Date(iso);

function behavesLikeATokenStore(build: () => AccessTokenStore) {
  it('starts empty, keeps the last token set and forgets it on clear()', async () => {
    const store = build();
    expect(await store.get()).toBeNull();

    await store.set({ token: 'first', expiresAt: at('2025-03-01T10:00:00Z') });
    await store.set({ token: 'second', expiresAt: at('2025-03-01T12:00:00Z') });
    expect(await store.get()).toEqual({ token: 'second', expiresAt: at('2025-03-01T12:00:00Z') });

    await store.clear();
    expect(await store.get()).toBeNull();
  });

  it('clear(token) leaves a newer token another process stored in place', async () => {
    const store = build();
    await store.set({ token: 'fresh', expiresAt: at('2025-03-01T12:00:00Z') });

    await store.clear('stale');
    expect(await store.get()).toMatchObject({ token: 'fresh' });

    await store.clear('fresh');
    expect(await store.get()).toBeNull();
  });
}

describe('memory access-token store', () => {
  behavesLikeATokenStore(createMemoryAccessTokenStore);
});

// MONGODB_URI comes from the server project's global setup (an embedded FerretDB) or the environment.
const describeWithDatabase = process.env.MONGODB_URI ? describe : describe.skip;

describeWithDatabase('Mongo access-token store', () => {
  let connection: mongoose.Connection;

  beforeAll(async () => {
    connection = mongoose.createConnection(process.env.MONGODB_URI!, {
      dbName: `test_wechat_tokens_${randomBytes(4).toString('hex')}`,
      serverSelectionTimeoutMS: 10_000,
    });
    await connection.asPromise();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  let key = 0;
  behavesLikeATokenStore(() => createMongoAccessTokenStore(connection, `app-${(key += 1)}`));

  it('keeps one document per app, keyed by the given id', async () => {
    const one = createMongoAccessTokenStore(connection, 'wx-app-one');
    const two = createMongoAccessTokenStore(connection, 'wx-app-two');
    await one.set({ token: 'token-one', expiresAt: at('2025-03-01T12:00:00Z') });
    await one.set({ token: 'token-one-b', expiresAt: at('2025-03-01T14:00:00Z') });
    await two.set({ token: 'token-two', expiresAt: at('2025-03-01T12:00:00Z') });

    const docs = await connection
      .collection<{ _id: string; token: string }>(WECHAT_TOKENS_COLLECTION)
      .find({ _id: { $in: ['wx-app-one', 'wx-app-two'] } })
      .sort({ _id: 1 })
      .toArray();
    expect(docs.map((doc) => [doc._id, doc.token])).toEqual([
      ['wx-app-one', 'token-one-b'],
      ['wx-app-two', 'token-two'],
    ]);
    expect(await two.get()).toEqual({ token: 'token-two', expiresAt: at('2025-03-01T12:00:00Z') });
  });

  it('lets two server processes share one WeChat token', async () => {
    const wechat = await startFakeWechatServer();
    try {
      const serverProcess = () =>
        createWechatClient({
          baseUrl: wechat.url,
          appId: FAKE_WECHAT_APP_ID,
          appSecret: FAKE_WECHAT_APP_SECRET,
          tokenStore: createMongoAccessTokenStore(connection, 'wx-shared'),
        });
      const first = await serverProcess().getAccessToken();
      expect(await serverProcess().getAccessToken()).toBe(first);

      const stats = (await (await fetch(`${wechat.url}/dev/stats`)).json()) as { requests: Record<string, number> };
      expect(stats.requests['/cgi-bin/stable_token']).toBe(1);
    } finally {
      await wechat.close();
    }
  });
});
