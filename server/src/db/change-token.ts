import { randomUUID } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import { isDuplicateKey } from './duplicate-key';
import { sharedReadsFor, type SharedReads } from './shared-reads';

const changeTokenSchema = new Schema({ _id: String, token: { type: String, required: true }, at: { type: Date, required: true } }, { collection: 'change_tokens', versionKey: false });

/**
 * Every token is read at once: the collection holds one small document per token name, so one read
 * answers every token a request needs. Callers arriving while that read is on its way share it:
 * under load, one read answers many requests. A bump from this process drops it, so no caller after
 * the bump gets a token from before. Kept per connection, for every module that reads or bumps a token.
 */
const sharedReads = new WeakMap<object, Map<string, SharedReads<Map<string, string>>>>();
const ALL_TOKENS = 'all';
const INITIAL = 'initial';

/**
 * A document whose token changes on every write to some data, so each server process can tell
 * with one read of a collection of a few documents whether its in-memory copy is
 * stale. Writers bump the token after their data write, so a copy loaded after reading a token holds at
 * least the data that token stands for.
 */
export function createChangeToken(connection: Connection, name: string) {
  const Token = connection.models.ChangeToken ?? connection.model('ChangeToken', changeTokenSchema);
  const shared = sharedReadsFor(sharedReads, connection, ALL_TOKENS);
  const readAll = () =>
    Token.find({}, { token: 1 })
      .lean<{ _id: string; token: string }[]>()
      .then((found) => new Map(found.map((entry) => [entry._id, entry.token])));

  async function replace(from: string | null): Promise<string | null> {
    shared.drop();
    const token = randomUUID();
    const update = { $set: { token, at: new Date() } };
    try {
      if (from === INITIAL) {
        await Token.create({ _id: name, token, at: new Date() });
        return token;
      }
      if (from !== null) {
        const swapped = await Token.updateOne({ _id: name, token: from }, update);
        if (swapped.matchedCount === 1) return token;
      }
      await Token.updateOne({ _id: name }, update, { upsert: true });
    } catch (error) {
      // Two first writes raced to create the document: the other one exists now.
      if (!isDuplicateKey(error)) throw error;
      await Token.updateOne({ _id: name }, update);
    } finally {
      shared.drop();
    }
    return null;
  }

  return {
    read: async (): Promise<string> => (await shared.read(ALL_TOKENS, readAll)).get(name) ?? INITIAL,
    /** Replaces the token: everyone's copy is stale. */
    bump: async (): Promise<void> => void (await replace(null)),
    /**
     * Replaces the token only if it still is `from`, i.e. nobody else bumped since; then returns the
     * new token, so a writer whose copy was current at `from` can apply its own change to it and keep
     * it. Otherwise bumps anyway and returns null.
     */
    bumpFrom: (from: string): Promise<string | null> => replace(from),
  };
}

export type ChangeToken = ReturnType<typeof createChangeToken>;

/**
 * A value loaded from the database and kept in memory until the token changes. `load` receives
 * the previous value so it can reload only what changed. Concurrent callers share one load.
 */
export function createTokenCache<T>(token: TokenSource, load: (previous: T | null) => Promise<T>) {
  return tokenCache(token, load).current;
}

/**
 * The same kept copy, for data this process also writes: after its data write, a writer calls
 * `changedHere` to bump the token and keep its own copy current instead of reloading it.
 */
export function createWritableTokenCache<T>(token: TokenSource, load: (previous: T | null) => Promise<T>) {
  return tokenCache(token, load);
}

/** What a cache needs to tell whether its copy is current: one token, or several read as one. */
type TokenSource = Pick<ChangeToken, 'read'>;

function tokenCache<T>(token: TokenSource, load: (previous: T | null) => Promise<T>) {
  let cached: { token: string; value: T } | null = null;
  let pending: { token: string; value: Promise<T> } | null = null;

  async function current(): Promise<T> {
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
  }

  /**
   * For a writer in this process after its data write: bumps the token, and when nobody else bumped
   * since the copy was loaded, applies the change to the copy and keeps it under the new token.
   * This process's writers take turns, so that two writing at once do not take each other's bump for
   * someone else's and throw the copy away; those that arrive while a bump is on its way share the
   * next one (each one's data is written before it starts).
   */
  let turns: Promise<unknown> = Promise.resolve();
  let waiting: { writer: ChangeToken; changes: ((value: T) => void)[]; bumped: Promise<void> } | null = null;

  async function bump(writer: ChangeToken, changes: ((value: T) => void)[]): Promise<void> {
    const before = cached;
    if (!before) return writer.bump();
    const next = await writer.bumpFrom(before.token);
    if (next === null || cached !== before) return;
    for (const change of changes) change(before.value);
    cached = { token: next, value: before.value };
  }

  function changedHere(writer: ChangeToken, apply: (value: T) => void): Promise<void> {
    if (waiting?.writer !== writer) {
      const changes: ((value: T) => void)[] = [];
      const turn = { writer, changes, bumped: Promise.resolve() };
      turn.bumped = turns.then(() => {
        if (waiting === turn) waiting = null;
        return bump(writer, changes);
      });
      turns = turn.bumped.catch(() => undefined);
      waiting = turn;
    }
    waiting.changes.push(apply);
    return waiting.bumped;
  }

  return { current, changedHere };
}

/**
 * Values by key, each loaded once and kept; past `limit` keys the memory starts again. Callers
 * asking for a key while it is loading share that load, and a key forgotten while it loads keeps
 * nothing from that load (it may hold data from before the change that made it forget).
 */
export function createKeyedMemory<V>(limit: number) {
  const values = new Map<string, V>();
  const loading = new Map<string, Promise<V>>();
  return {
    get(key: string, load: () => Promise<V>): Promise<V> {
      if (values.has(key)) return Promise.resolve(values.get(key)!);
      const shared = loading.get(key);
      if (shared) return shared;
      const mine = load().then(
        (value) => {
          if (loading.get(key) !== mine) return value;
          loading.delete(key);
          if (values.size >= limit) values.clear();
          values.set(key, value);
          return value;
        },
        (error: unknown) => {
          if (loading.get(key) === mine) loading.delete(key);
          throw error;
        },
      );
      loading.set(key, mine);
      return mine;
    },
    has: (key: string) => values.has(key) || loading.has(key),
    /** Puts `next` in place of `expected`, unless the key was loaded again or forgotten since. */
    replace(key: string, expected: V, next: V): void {
      if (values.get(key) === expected) values.set(key, next);
    },
    /** Applies `update` to the key's value, if known; a load on its way keeps nothing. */
    update(key: string, update: (value: V) => V): void {
      loading.delete(key);
      if (values.has(key)) values.set(key, update(values.get(key)!));
    },
    /** The next `get` of `key` loads it again. */
    forget(key: string): void {
      values.delete(key);
      loading.delete(key);
    },
  };
}

/**
 * Keyed values (createKeyedMemory) kept until the token changes. A writer that changes a value
 * bumps the token, or calls `changedHere`; a detail only this process needs to keep current (a time
 * stamp) may be `replace`d.
 */
export function createKeyedTokenCache<V>(token: ChangeToken, limit: number) {
  const { current, changedHere } = tokenCache(token, async () => createKeyedMemory<V>(limit));
  return {
    get: async (key: string, load: () => Promise<V>): Promise<V> => (await current()).get(key, load),
    /**
     * Puts `next` in place of `expected`, the value the caller got, unless the memory moved on since
     * (the token changed, or the key was loaded again): `next` is built from what may be stale then.
     */
    replace: async (key: string, expected: V, next: V): Promise<void> => (await current()).replace(key, expected, next),
    /** The next `get` of `key` loads it again. */
    forget: async (key: string): Promise<void> => (await current()).forget(key),
    /**
     * After this process changed the value of `key` in the database: every other process's memory
     * is stale, while this one's keeps its values with `update` applied to the key's (when known).
     */
    changedHere: (key: string, update: (value: V) => V): Promise<void> => changedHere(token, (known) => known.update(key, update)),
  };
}
