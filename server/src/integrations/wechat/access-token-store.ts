import type mongoose from 'mongoose';

export type StoredAccessToken = { token: string; expiresAt: Date };

/**
 * Where the WeChat access token is cached. The Mongo store is shared by every server process so
 * that they all use one token instead of each fetching its own.
 */
export interface AccessTokenStore {
  get(): Promise<StoredAccessToken | null>;
  set(value: StoredAccessToken): Promise<void>;
  /**
   * Forgets the cached token. With `token`, only if that is still the cached one, so a process
   * reporting a stale token cannot wipe the fresh one another process has just stored.
   */
  clear(token?: string): Promise<void>;
}

export function createMemoryAccessTokenStore(): AccessTokenStore {
  let current: StoredAccessToken | null = null;
  return {
    async get() {
      return current && { ...current };
    },
    async set(value) {
      current = { token: value.token, expiresAt: value.expiresAt };
    },
    async clear(token) {
      if (token === undefined || current?.token === token) current = null;
    },
  };
}

type TokenDocument = { _id: string; token: string; expiresAt: Date; updatedAt: Date };

export const WECHAT_TOKENS_COLLECTION = 'wechat_tokens';

/**
 * One document per app in `wechat_tokens`, written with single-document atomic operations only
 * (no transactions, no TTL index) so it runs on FerretDB. Expiry is checked by the client.
 */
export function createMongoAccessTokenStore(
  connection: mongoose.Connection,
  key = 'access_token',
): AccessTokenStore {
  const collection = () => connection.collection<TokenDocument>(WECHAT_TOKENS_COLLECTION);
  return {
    async get() {
      const doc = await collection().findOne({ _id: key });
      if (!doc || typeof doc.token !== 'string' || !(doc.expiresAt instanceof Date)) return null;
      return { token: doc.token, expiresAt: doc.expiresAt };
    },
    async set(value) {
      await collection().updateOne(
        { _id: key },
        { $set: { token: value.token, expiresAt: value.expiresAt, updatedAt: new Date() } },
        { upsert: true },
      );
    },
    async clear(token) {
      await collection().deleteOne(token === undefined ? { _id: key } : { _id: key, token });
    },
  };
}
