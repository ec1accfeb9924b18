import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectDatabase } from './connect';
import { createChangeToken, createKeyedTokenCache, createWritableTokenCache } from './change-token';

function gate<T>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

/** Two connections to one database stand for two server processes. */
let thisProcess: Connection;
let otherProcess: Connection;
const tokenReads: string[] = [];

beforeAll(async () => {
  const dbName = `change_tokens_${randomBytes(4).toString('hex')}`;
  thisProcess = await connectDatabase(process.env.MONGODB_URI!, dbName);
  otherProcess = await connectDatabase(process.env.MONGODB_URI!, dbName);
  thisProcess.set('debug', (collection: string, method: string) => {
    if (collection === 'change_tokens' && method === 'find') tokenReads.push(method);
  });
});

afterAll(async () => {
  await thisProcess.dropDatabase();
  await Promise.all([thisProcess.close(), otherProcess.close()]);
});

describe('change tokens', () => {
  test('a token nobody bumped reads as initial; a bump in another process is seen by the next read', async () => {
    const policies = createChangeToken(thisProcess, 'policies');
    expect(await policies.read()).toBe('initial');

    await createChangeToken(otherProcess, 'policies').bump();
    const afterBump = await policies.read();
    expect(afterBump).not.toBe('initial');
    expect(await createChangeToken(thisProcess, 'courses').read()).toBe('initial');
    expect(await policies.read()).toBe(afterBump);
  });

  test('the tokens a request needs arrive in one read, shared by callers arriving while it is on its way', async () => {
    const names = ['sessions', 'areas', 'announcements'];
    await Promise.all(names.map((name) => createChangeToken(otherProcess, name).bump()));
    tokenReads.length = 0;

    const tokens = await Promise.all([...names, ...names].map((name) => createChangeToken(thisProcess, name).read()));

    expect(tokenReads).toHaveLength(1);
    expect(new Set(tokens).size).toBe(3);
    expect(tokens.slice(0, 3)).toEqual(tokens.slice(3));
  });

  test('a bump in this process is seen by a read after it, even with a read of all tokens still on its way', async () => {
    const areas = createChangeToken(thisProcess, 'areas');
    const sessions = createChangeToken(thisProcess, 'sessions');
    const before = await areas.read();

    const readOnItsWay = sessions.read();
    await areas.bump();
    const after = await areas.read();

    expect(after).not.toBe(before);
    expect(await createChangeToken(otherProcess, 'areas').read()).toBe(after);
    await readOnItsWay;
  });
});

describe('values by key behind a change token', () => {
  test('callers asking for one key while it loads share the load, and later callers get the kept value', async () => {
    const cache = createKeyedTokenCache<string>(createChangeToken(thisProcess, 'keyed-shared'), 100);
    const answer = gate<string>();
    const load = jest.fn(() => answer.promise);

    const asked = Promise.all([cache.get('resident-1', load), cache.get('resident-1', load), cache.get('resident-1', load)]);
    answer.open('village-A');

    expect(await asked).toEqual(['village-A', 'village-A', 'village-A']);
    expect(await cache.get('resident-1', load)).toBe('village-A');
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('a replacement lands only where its value was read; a forgotten key and a failed load are loaded again', async () => {
    const token = createChangeToken(thisProcess, 'keyed-replace');
    const cache = createKeyedTokenCache<{ village: string; seen: number }>(token, 100);
    const read = await cache.get('resident-1', async () => ({ village: 'A', seen: 1 }));
    await cache.replace('resident-1', read, { village: 'A', seen: 2 });
    expect(await cache.get('resident-1', async () => ({ village: 'never', seen: 0 }))).toEqual({ village: 'A', seen: 2 });

    // The area moved in another process between this caller's read and its replacement.
    const stale = await cache.get('resident-1', async () => ({ village: 'never', seen: 0 }));
    await createChangeToken(otherProcess, 'keyed-replace').bump();
    expect(await cache.get('resident-1', async () => ({ village: 'B', seen: 3 }))).toEqual({ village: 'B', seen: 3 });
    await cache.replace('resident-1', stale, { ...stale, seen: 4 });
    expect(await cache.get('resident-1', async () => ({ village: 'never', seen: 0 }))).toEqual({ village: 'B', seen: 3 });

    await cache.forget('resident-1');
    expect(await cache.get('resident-1', async () => ({ village: 'C', seen: 5 }))).toEqual({ village: 'C', seen: 5 });
    await expect(cache.get('resident-2', async () => Promise.reject(new Error('database away')))).rejects.toThrow('database away');
    expect(await cache.get('resident-2', async () => ({ village: 'D', seen: 6 }))).toEqual({ village: 'D', seen: 6 });
  });

  test('a bump in another process empties the memory of every key', async () => {
    const cache = createKeyedTokenCache<string>(createChangeToken(thisProcess, 'keyed-bump'), 100);
    expect(await cache.get('resident-1', async () => 'village-A')).toBe('village-A');
    await createChangeToken(otherProcess, 'keyed-bump').bump();
    expect(await cache.get('resident-1', async () => 'village-B')).toBe('village-B');
  });

  test('a change made in this process keeps its memory with the change applied; other processes load again', async () => {
    const here = createKeyedTokenCache<string[]>(createChangeToken(thisProcess, 'keyed-here'), 100);
    const there = createKeyedTokenCache<string[]>(createChangeToken(otherProcess, 'keyed-here'), 100);
    const stored = ['notice-1'];
    const load = jest.fn(async () => [...stored]);
    expect(await here.get('resident-1', load)).toEqual(['notice-1']);
    expect(await there.get('resident-1', load)).toEqual(['notice-1']);

    stored.push('notice-2');
    await here.changedHere('resident-1', (opened) => [...opened, 'notice-2']);
    expect(await here.get('resident-1', load)).toEqual(['notice-1', 'notice-2']);
    expect(await there.get('resident-1', load)).toEqual(['notice-1', 'notice-2']);
    expect(load).toHaveBeenCalledTimes(3);

    // Someone else bumped since this process loaded: its own change cannot vouch for the rest.
    stored.push('notice-3');
    await createChangeToken(otherProcess, 'keyed-here').bump();
    stored.push('notice-4');
    await here.changedHere('resident-1', (opened) => [...opened, 'notice-4']);
    expect(await here.get('resident-1', load)).toEqual(['notice-1', 'notice-2', 'notice-3', 'notice-4']);
  });
});

describe('a whole copy behind a change token', () => {
  test('changes made at once in this process all land in its copy without loading it again; another process loads them', async () => {
    const token = createChangeToken(thisProcess, 'whole-at-once');
    const stored: string[] = [];
    const load = jest.fn(async () => [...stored]);
    const copy = createWritableTokenCache(token, load);
    expect(await copy.current()).toEqual([]);

    const rows = Array.from({ length: 10 }, (_, i) => `row-${i}`);
    stored.push(...rows);
    await Promise.all(rows.map((row) => copy.changedHere(token, (kept) => kept.push(row))));

    expect([...(await copy.current())].sort()).toEqual([...rows].sort());
    expect(load).toHaveBeenCalledTimes(1);
    const there = createWritableTokenCache(createChangeToken(otherProcess, 'whole-at-once'), load);
    expect([...(await there.current())].sort()).toEqual([...rows].sort());
  });
});
