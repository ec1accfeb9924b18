import { randomUUID } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import { isDuplicateKey } from './duplicate-key';
import { sharedReadsFor, type SharedReads } from './shared-reads';

const changeTokenSchema = new Schema({ _id: String, token: { type: String, required: true }, at: { type: Date, required: true } }, { collection: 'change_tokens', versionKey: false });

/**
 * Callers arriving while a read of a token is on its way share it: under load, one read answers
 * many requests. A bump from this process drops it, so no caller after the bump gets a token from
 * before. Kept per connection and token name, for every module that reads or bumps that token.
 */
const sharedReads = new WeakMap<object, Map<string, SharedReads<string>>>();

/**
 * A document whose token changes on every write to some data, so each server process can tell
 * with one `_id` read of a collection of a few documents whether its in-memory copy is
 * stale. Writers bump the token after their data write, so a copy loaded after reading a token holds at
 * least the data that token stands for.
 */
export function createChangeToken(connection: Connection, name: string) {
  const Token = connection.models.ChangeToken ?? connection.model('ChangeToken', changeTokenSchema);
  const shared = sharedReadsFor(sharedReads, connection, name);

  return {
    read: (): Promise<string> =>
      shared.read(name, () =>
        Token.findById(name)
          .lean<{ token: string }>()
          .then((found) => found?.token ?? 'initial'),
      ),
    async bump(): Promise<void> {
      shared.drop();
      const update = { $set: { token: randomUUID(), at: new Date() } };
      try {
        await Token.updateOne({ _id: name }, update, { upsert: true });
      } catch (error) {
        // Two first writes raced to create the document: the other one exists now.
        if (!isDuplicateKey(error)) throw error;
        await Token.updateOne({ _id: name }, update);
      } finally {
        shared.drop();
      }
    },
  };
}

export type ChangeToken = ReturnType<typeof createChangeToken>;

/**
 * A value loaded from the database and kept in memory until the token changes. `load` receives
 * the previous value so it can reload only what changed. Concurrent callers share one load.
 */
export function createTokenCache<T>(token: ChangeToken, load: (previous: T | null) => Promise<T>) {
  let cached: { token: string; value: T } | null = null;
  let pending: { token: string; value: Promise<T> } | null = null;

  return async function current(): Promise<T> {
    const now = await token.read();
    if (cached?.token === now) return cached.value;
    if (pending?.token === now) return pending.value;
    const value = load(cached?.value ?? null).then((loaded) => {
      cached = { token: now, value: loaded };
      return loaded;
    });
    const mine = { token: now, value };
    pending = mine;
    try {
      return await value;
    } finally {
      if (pending === mine) pending = null;
    }
  };
}

/**
 * Values by key, each loaded once and kept until the token changes; past `limit` keys the memory
 * starts again. A writer that changes a value bumps the token; one that knows the new value may
 * `set` it instead.
 */
export function createKeyedTokenCache<V>(token: ChangeToken, limit: number) {
  const current = createTokenCache(token, async () => new Map<string, V>());
  return {
    async get(key: string, load: () => Promise<V>): Promise<V> {
      const known = await current();
      if (known.has(key)) return known.get(key)!;
      const value = await load();
      if (known.size >= limit) known.clear();
      known.set(key, value);
      return value;
    },
    async set(key: string, value: V): Promise<void> {
      (await current()).set(key, value);
    },
  };
}
