import { mongo } from 'mongoose';
import { freePort, startEmbeddedDatabase } from './embedded';
import { startOwnFerretdb, type OwnFerretdb } from '../../test/own-ferretdb';

/** The project's patches on FerretDB 1.24.2 (server/embedded-db/patches), on the patched build. */

let ferretdb: OwnFerretdb;
beforeAll(async () => {
  ferretdb = await startOwnFerretdb();
});
afterAll(() => ferretdb?.stop());

const plan = async (filter: object) => {
  const explained = await ferretdb.db.command({ explain: { find: 'plans', filter } });
  return (explained.queryPlanner.Plan as string[]).join('\n');
};

describe('patch 1: lookups by _id use the _id index', () => {
  beforeAll(async () => {
    await ferretdb.db.collection<{ _id: string; n: number }>('plans').insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: `doc-${i}`, n: i })));
  });

  test('a find by _id searches the index instead of scanning the table', async () => {
    expect(await plan({ _id: 'doc-7' })).toMatch(/SEARCH plans_\w+ USING INDEX plans_\w+__id_/);
    expect(await ferretdb.db.collection<{ _id: string; n: number }>('plans').findOne({ _id: 'doc-7' })).toEqual({ _id: 'doc-7', n: 7 });
  });

  test('updates and deletes by _id reach the right document', async () => {
    const plans = ferretdb.db.collection<{ _id: string; n: number }>('plans');
    expect((await plans.updateOne({ _id: 'doc-8' }, { $set: { n: 80 } })).modifiedCount).toBe(1);
    expect((await plans.deleteOne({ _id: 'doc-9' })).deletedCount).toBe(1);
    expect(await plans.findOne({ _id: 'doc-8' })).toEqual({ _id: 'doc-8', n: 80 });
    expect(await plans.countDocuments()).toBe(49);
  });
});

describe('patch 3: update, findAndModify and delete are atomic', () => {
  test('50 concurrent guarded decrements of a counter at 10: exactly 10 win and it ends at 0', async () => {
    const places = ferretdb.db.collection<{ _id: string; remaining: number }>('places');
    await places.insertOne({ _id: 'site', remaining: 10 });
    const taken = await Promise.all(
      Array.from({ length: 50 }, () => places.findOneAndUpdate({ _id: 'site', remaining: { $gt: 0 } }, { $inc: { remaining: -1 } })),
    );
    expect(taken.filter(Boolean)).toHaveLength(10);
    expect(await places.findOne({ _id: 'site' })).toEqual({ _id: 'site', remaining: 0 });
  });

  test('50 concurrent $inc lose none', async () => {
    const counters = ferretdb.db.collection<{ _id: string; n: number }>('counters');
    await counters.insertOne({ _id: 'c', n: 0 });
    await Promise.all(Array.from({ length: 50 }, () => counters.updateOne({ _id: 'c' }, { $inc: { n: 1 } })));
    expect(await counters.findOne({ _id: 'c' })).toEqual({ _id: 'c', n: 50 });
  });

  test('a status change guarded by the current status has one winner among 20', async () => {
    const registrations = ferretdb.db.collection<{ _id: string; status: string; by?: number }>('registrations');
    await registrations.insertOne({ _id: 'r1', status: 'accepted' });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, by) => registrations.updateOne({ _id: 'r1', status: 'accepted' }, { $set: { status: 'verified', by } })),
    );
    expect(results.filter((result) => result.modifiedCount === 1)).toHaveLength(1);
  });

  test('20 concurrent upserts of one key create one document', async () => {
    const keys = ferretdb.db.collection<{ key: string; hits: number }>('keys');
    await Promise.all(Array.from({ length: 20 }, () => keys.updateOne({ key: 'k' }, { $inc: { hits: 1 } }, { upsert: true })));
    expect(await keys.find({ key: 'k' }, { projection: { _id: 0 } }).toArray()).toEqual([{ key: 'k', hits: 20 }]);
  });

  test('a unique index lets one of 20 concurrent inserts of one value in, the others get a duplicate-key error', async () => {
    const accounts = ferretdb.db.collection<{ username: string }>('accounts');
    await accounts.createIndex({ username: 1 }, { unique: true });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => accounts.insertOne({ username: 'same' })));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results) if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 11000 });
    expect(await accounts.countDocuments({ username: 'same' })).toBe(1);
  });

  test('concurrent deletes and guarded updates never both act on one document', async () => {
    const items = ferretdb.db.collection<{ _id: number; state: string }>('items');
    await items.insertMany(Array.from({ length: 30 }, (_, i) => ({ _id: i, state: 'open' })));
    const [deleted, updated] = await Promise.all([
      Promise.all(Array.from({ length: 30 }, (_, i) => items.deleteOne({ _id: i, state: 'open' }))),
      Promise.all(Array.from({ length: 30 }, (_, i) => items.updateOne({ _id: i, state: 'open' }, { $set: { state: 'closed' } }))),
    ]);
    for (let i = 0; i < 30; i += 1) expect(deleted[i].deletedCount + updated[i].modifiedCount).toBe(1);
  });
});

describe('patch 4: a unique clash on update is a duplicate-key error', () => {
  test('updateOne and findOneAndUpdate onto a taken unique value answer 11000 and change nothing', async () => {
    const codes = ferretdb.db.collection<{ _id: string; code: string }>('codes');
    await codes.createIndex({ code: 1 }, { unique: true });
    await codes.insertMany([
      { _id: 'a', code: 'A' },
      { _id: 'b', code: 'B' },
    ]);

    await expect(codes.updateOne({ _id: 'b' }, { $set: { code: 'A' } })).rejects.toMatchObject({ code: 11000 });
    await expect(codes.findOneAndUpdate({ _id: 'b' }, { $set: { code: 'A' } })).rejects.toMatchObject({ code: 11000 });
    expect(await codes.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'a', code: 'A' },
      { _id: 'b', code: 'B' },
    ]);
  });
});

describe('patch 5: every $group accumulator sees the whole group', () => {
  test('a field sum, a count and a second field sum in one $group all answer', async () => {
    const households = ferretdb.db.collection<{ township: string; labour: number; employed: number }>('group_sums');
    await households.insertMany([
      { township: 'a', labour: 2, employed: 1 },
      { township: 'a', labour: 3, employed: 0 },
      { township: 'b', labour: 1, employed: 1 },
    ]);
    const groups = await households
      .aggregate([{ $group: { _id: '$township', labour: { $sum: '$labour' }, households: { $sum: 1 }, employed: { $sum: '$employed' } } }, { $sort: { _id: 1 } }])
      .toArray();
    expect(groups).toEqual([
      { _id: 'a', labour: 5, households: 2, employed: 1 },
      { _id: 'b', labour: 1, households: 1, employed: 1 },
    ]);
  });
});

describe('patch 8: documents are decoded without a decoder per value', () => {
  const { Binary, BSONRegExp, Double, EJSON, Int32, Long, ObjectId, Timestamp } = mongo.BSON;
  const everyType = (n: number) => ({
    _id: new ObjectId(),
    text: `引号"、反斜杠\\、换行\n、制表\t、表情😀、\u2028 ${n}`,
    int: new Int32(-2_147_483_648 + n),
    long: Long.fromString(`922337203685477580${n}`),
    double: new Double(n + 0.25),
    huge: new Double(1.7976931348623157e308),
    yes: n % 2 === 0,
    at: new Date(Date.UTC(2026, 11, 5, 3, 0, n)),
    nothing: null,
    binary: new Binary(Buffer.from([0, 1, 2, 255, n]), 0),
    uuid: new Binary(Buffer.alloc(16, n), 4),
    pattern: new BSONRegExp(`^安置点${n}.*$`, 'i'),
    stamp: new Timestamp({ t: 1_764_900_000 + n, i: n }),
    nested: { code: `53232910100${n}`, inner: { list: [1, 'two', { three: new Int32(3) }, { four: new Double(4.5) }] }, empty: {} },
    list: [new Int32(n), Long.fromNumber(n), new Double(n), `${n}`, null, new Date(0), {}],
  });

  test('every type reads back exactly, rows sharing a schema or not', async () => {
    const mixed = ferretdb.db.collection('every_type');
    // Two rows with one schema, then the same field names holding other types (another schema).
    // FerretDB 1.x stores no arrays inside arrays.
    const written = [everyType(1), everyType(2), { ...everyType(3), int: 'not a number', nested: [1, 2], list: { a: 1 } }];
    await mixed.insertMany(written);
    const read = await mixed.find({}, { promoteValues: false, promoteLongs: false }).sort({ _id: 1 }).toArray();
    expect(read.map((doc) => EJSON.stringify(doc, { relaxed: false }))).toEqual(written.map((doc) => EJSON.stringify(doc, { relaxed: false })));
  });
});

describe('patch 10: a stored row is checked as JSON once', () => {
  const awkward = "}]\",{[\\ 引号\"、<a&b>、\u2028、😀";
  const nestedFive = (n: number) => ({ level: 1, inner: { level: 2, list: [{ level: 3, inner: { level: 4, list: [n, { level: 5, text: awkward }] } }] } });

  // FerretDB 1.24.2 as released refuses a double quote or a backslash in a field name (SQLite:
  // malformed JSON); Go still escapes <, >, & and U+2028 in the stored keys.
  const awkwardKey = awkward.replace(/["\\]/g, '');

  test('keys and strings with escapes, quotes and brackets, deep nesting and empty values read back exactly', async () => {
    const rows = ferretdb.db.collection<{ _id: number }>('awkward_rows');
    const written = [
      { _id: 1, [awkwardKey]: awkward, 'a<b>&c': [awkward, { [`键${awkwardKey}`]: awkward }], deep: nestedFive(1), empty: { list: [], doc: {}, text: '' } },
      // The same keys in another order and other types: another schema.
      { _id: 2, deep: [nestedFive(2), {}], empty: { doc: { list: [] }, text: '"' }, 'a<b>&c': { '}': ']' } },
    ];
    await rows.insertMany(written);
    expect(await rows.find({}).sort({ _id: 1 }).toArray()).toEqual(written);
  });
});

describe('patch 9: release builds do not record every iterator', () => {
  test("after queries, FerretDB's debug handler lists no iterator profiles", async () => {
    const port = await freePort();
    const traced = await startOwnFerretdb([`--debug-addr=127.0.0.1:${port}`]);
    try {
      const rows = traced.db.collection('traced');
      await rows.insertMany([{ n: 1 }, { n: 2 }, { n: 3 }]);
      expect(await rows.find({ n: { $gte: 2 } }, { projection: { _id: 0 } }).toArray()).toEqual([{ n: 2 }, { n: 3 }]);
      const profiles = await (await fetch(`http://127.0.0.1:${port}/debug/pprof/`)).text();
      expect(profiles).toContain('goroutine');
      expect(profiles).not.toContain('FerretDB/');
    } finally {
      await traced.stop();
    }
  });
});

test('a second FerretDB on the same data folder is refused while the first runs', async () => {
  await expect(startEmbeddedDatabase({ dataDir: ferretdb.dataDir, log: () => undefined })).rejects.toThrow(/正由另一个进程（pid \d+）使用/);
  expect(await ferretdb.db.command({ ping: 1 })).toMatchObject({ ok: 1 });
});
