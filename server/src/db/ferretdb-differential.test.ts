import { mongo } from 'mongoose';
import { startOwnFerretdb, type OwnFerretdb } from '../../test/own-ferretdb';

/**
 * The project's filter pushdown (server/embedded-db/patches/0002) may let SQLite keep more rows
 * than match, never fewer; its counting (0006) may count in SQL only rows proven to match; its sorting
 * (0007) must give MongoDB's order. This runs one corpus of queries on two patched FerretDBs holding the same
 * documents, one with pushdown and one started with --test-disable-pushdown, and requires identical
 * answers. The documents carry the cases where SQL and MongoDB compare differently: arrays, nested
 * arrays of documents, ObjectId against its hex string, numbers of three types, null against a
 * missing field, dates against numbers, booleans against 0 and 1, and strings JSON escapes.
 * (FerretDB 1.24 refuses nested arrays, so there are none.)
 */

const { ObjectId, Int32, Long, Double } = mongo;
const EJSON = mongo.BSON.EJSON;

const OID = [new ObjectId('65a000000000000000000001'), new ObjectId('65a000000000000000000002'), new ObjectId('65a0000000000000000000ff')];
const DAY = (n: number) => new Date(Date.UTC(2026, 0, n));
const TOWNSHIPS = ['532329100000', '532329101000', '532329102000'];
const STATUSES = ['submitted', 'accepted', 'verified', 'publicizing', 'approved', 'returned'];
const STRINGS = ['', '5', 'a', 'A', 'ab', '张三', '狮山镇', 'x<y>&"z"', 'back\\slash', 'line\u2028sep', '😀', 'ж'];

/** Values of every kind that one field may hold across the documents. */
const MIXED: unknown[] = [
  'a',
  '5',
  '',
  '张三',
  'x<y>&"z"',
  'line\u2028sep',
  new Int32(5),
  Long.fromNumber(5),
  new Double(5),
  new Double(5.5),
  new Int32(-3),
  new Double(-0),
  Long.fromString('9007199254740993'),
  new Int32(0),
  new Int32(1),
  true,
  false,
  null,
  DAY(3),
  new Date(Date.UTC(2026, 0, 3) + 1),
  OID[0],
  OID[0].toHexString(),
  ['a', 'b'],
  [new Int32(5), 'x'],
  [],
  [DAY(3)],
  [OID[1]],
  { a: 1 },
  [null],
];

function corpus() {
  const docs: Record<string, unknown>[] = [];
  for (let i = 0; i < 240; i += 1) {
    const doc: Record<string, unknown> = {
      _id: i % 7 === 0 ? `id-${i}` : new ObjectId(`65b${String(i).padStart(21, '0')}`),
      i: new Int32(i),
      status: STATUSES[i % STATUSES.length],
      townshipCode: TOWNSHIPS[i % TOWNSHIPS.length],
      createdAt: DAY(1 + (i % 28)),
      score: i % 5 === 0 ? new Double(i / 4) : i % 5 === 1 ? Long.fromNumber(i) : new Int32(i % 17),
      s: STRINGS[i % STRINGS.length],
      household: i % 11 === 0 ? [{ townshipCode: TOWNSHIPS[1] }, { townshipCode: TOWNSHIPS[2] }] : { townshipCode: TOWNSHIPS[(i + 1) % 3], size: new Int32(i % 6) },
      items: [{ code: `c${i % 4}` }, { code: `c${(i + 1) % 4}` }],
      flag: i % 3 === 0,
    };
    // Some documents lack a field, some hold null, the rest one value of each kind in turn.
    if (i % 13 !== 0) doc.v = MIXED[i % MIXED.length];
    if (i % 17 === 0) doc.ref = i % 2 ? OID[0] : OID[0].toHexString();
    else if (i % 5 === 0) doc.ref = OID[i % 3];
    if (i % 9 === 0) doc.tags = ['a', 'b'];
    else if (i % 9 === 1) doc.tags = 'a';
    else if (i % 9 === 2) doc.tags = [{ a: 'a' }];
    else if (i % 9 === 3) doc.tags = [];
    docs.push(doc);
  }
  return docs;
}

type Sort = Record<string, 1 | -1>;
type Query =
  | { kind: 'find'; filter: object; sort?: Sort; limit?: number; skip?: number; projection?: object }
  | { kind: 'count'; filter: object }
  | { kind: 'aggregate'; pipeline: object[] }
  | { kind: 'countBy'; filter: object; by: string }
  | { kind: 'updateMany'; filter: object; update: object }
  | { kind: 'findOneAndUpdate'; filter: object; update: object; sort?: Sort }
  | { kind: 'deleteMany'; filter: object };

function queries(): Query[] {
  const list: Query[] = [];
  const values: Record<string, unknown[]> = {
    v: MIXED.filter((value) => !Array.isArray(value) && !(value !== null && typeof value === 'object' && !('_bsontype' in value) && !(value instanceof Date))),
    s: STRINGS,
    status: [...STATUSES, 'missing-status'],
    tags: ['a', ['a'], 'b'],
    ref: [OID[0], OID[0].toHexString(), OID[1]],
    score: [new Int32(5), Long.fromNumber(6), new Double(5), new Double(2.5), new Int32(16)],
    createdAt: [DAY(3), DAY(28)],
    flag: [true, false, 1],
    'household.townshipCode': TOWNSHIPS,
    'items.code': ['c1', 'c3'],
    _id: ['id-7', OID[0], new ObjectId('65b000000000000000000010'), '65b000000000000000000010'],
  };
  for (const [field, candidates] of Object.entries(values)) {
    for (const value of candidates) {
      list.push({ kind: 'find', filter: { [field]: value } });
      list.push({ kind: 'find', filter: { [field]: { $eq: value } } });
    }
    list.push({ kind: 'find', filter: { [field]: { $in: candidates } } });
    list.push({ kind: 'count', filter: { [field]: { $in: candidates.slice(0, 2) } } });
    for (const op of ['$gt', '$gte', '$lt', '$lte']) {
      for (const value of candidates.slice(0, 3)) list.push({ kind: 'find', filter: { [field]: { [op]: value } } });
    }
  }
  // Mixed types inside one $in, null and missing, operators that stay in the handler.
  list.push(
    { kind: 'find', filter: { v: { $in: ['a', new Int32(5), null] } } },
    { kind: 'find', filter: { v: { $in: ['a', new Int32(5), DAY(3), true, OID[0]] } } },
    { kind: 'find', filter: { v: null } },
    { kind: 'find', filter: { v: { $exists: false } } },
    { kind: 'find', filter: { v: { $ne: 'a' } } },
    { kind: 'find', filter: { v: { $nin: ['a', new Int32(5)] } } },
    { kind: 'find', filter: { v: { $gt: new Int32(0), $lt: new Int32(6) } } },
    { kind: 'find', filter: { v: { $gte: DAY(3), $lte: DAY(4) } } },
    { kind: 'find', filter: { v: { $gt: '' } } },
    { kind: 'find', filter: { v: { $lt: 'b', $in: ['a', '5', 'c'] } } },
    { kind: 'find', filter: { v: /^a/ } },
    { kind: 'find', filter: { v: /^A/i } },
    { kind: 'find', filter: { townshipCode: { $regex: '^5323291' } } },
    { kind: 'find', filter: { townshipCode: { $regex: '^53232910[01]' } } },
    { kind: 'find', filter: { townshipCode: { $regex: '^5323291?0' } } },
    { kind: 'find', filter: { townshipCode: { $regex: '^5323291*0' } } },
    { kind: 'find', filter: { townshipCode: { $regex: '^532329102|^532329100' } } },
    { kind: 'find', filter: { townshipCode: { $regex: '^532329', $options: 'm' } } },
    { kind: 'count', filter: { 'household.townshipCode': { $regex: '^53232910' }, status: 'accepted' } },
    { kind: 'find', filter: { s: { $regex: 'b' } } },
    { kind: 'find', filter: { s: { $regex: '山镇' } } },
    { kind: 'find', filter: { s: { $regex: 'y>&' } } },
    { kind: 'find', filter: { s: { $regex: 'k\\\\s' } } },
    { kind: 'find', filter: { s: { $regex: 'x<y>&"z\\"' } } },
    { kind: 'find', filter: { s: { $regex: '\\.' } } },
    { kind: 'find', filter: { s: { $regex: 'a\\d' } } },
    { kind: 'find', filter: { s: { $regex: 'A', $options: 'i' } } },
    { kind: 'find', filter: { s: { $regex: 'a', $options: 'm' } } },
    { kind: 'find', filter: { v: { $regex: '5' } } },
    { kind: 'find', filter: { tags: /a/ } },
    { kind: 'find', filter: { 'items.code': /1/ } },
    { kind: 'find', filter: { $or: [{ s: /张/ }, { 'household.townshipCode': TOWNSHIPS[2] }], townshipCode: { $regex: '^5323291' } }, sort: { i: -1 }, limit: 7 },
    { kind: 'find', filter: { $or: [{ s: /张/ }, { v: { $exists: false } }] } },
    { kind: 'find', filter: { $or: [{ s: 'a' }, { v: null }] } },
    { kind: 'count', filter: { $or: [{ status: 'accepted' }, { score: { $gte: new Int32(10) } }] } },
    { kind: 'find', filter: { s: { $regex: '^ab?' } } },
    { kind: 'find', filter: { s: { $regex: '^ab*' } } },
    { kind: 'find', filter: { s: { $regex: '^ab{0,1}' } } },
    { kind: 'find', filter: { s: { $regex: '^ab+' } } },
    { kind: 'find', filter: { s: { $regex: '^狮山' } } },
    { kind: 'find', filter: { s: { $regex: '^x<' } } },
    { kind: 'find', filter: { s: { $regex: '^back\\\\' } } },
    { kind: 'find', filter: { s: { $regex: '^😀' } } },
    { kind: 'find', filter: { v: { $regex: '^' } } },
    { kind: 'find', filter: { tags: { $regex: '^a' } } },
    { kind: 'find', filter: { 'items.code': /^c1/ } },
    { kind: 'find', filter: { 'household.size': { $gt: new Int32(2) }, 'household.townshipCode': TOWNSHIPS[2] } },
    { kind: 'find', filter: { v: { $type: 'string' } } },
    { kind: 'find', filter: { v: ['a', 'b'] } },
    { kind: 'find', filter: { v: { a: 1 } } },
    { kind: 'find', filter: { tags: { $size: 2 } } },
    { kind: 'find', filter: { tags: { $all: ['a'] } } },
    { kind: 'find', filter: { items: { $elemMatch: { code: 'c1' } } } },
    { kind: 'find', filter: { household: { townshipCode: TOWNSHIPS[1], size: new Int32(0) } } },
    { kind: 'find', filter: { 'household.0.townshipCode': TOWNSHIPS[1] } },
    { kind: 'find', filter: { $or: [{ status: 'approved' }, { townshipCode: TOWNSHIPS[0] }] } },
    { kind: 'find', filter: { $and: [{ status: { $in: ['accepted', 'verified'] } }, { townshipCode: TOWNSHIPS[1] }] } },
    { kind: 'find', filter: { $and: [{ status: 'accepted' }, { $or: [{ flag: true }, { s: 'a' }] }] } },
    { kind: 'find', filter: { status: 'accepted', townshipCode: { $in: TOWNSHIPS.slice(0, 2) }, createdAt: { $gte: DAY(5), $lt: DAY(20) } } },
    { kind: 'find', filter: { status: { $in: [] } } },
    { kind: 'find', filter: { status: 'accepted', status2: { $exists: false } } },
    { kind: 'find', filter: { 'household.size': { $gte: new Int32(3) } } },
    { kind: 'find', filter: { 'household.size': new Double(3) } },
    { kind: 'find', filter: { 'weird-name': 'x' } },
    { kind: 'find', filter: { score: { $gt: Long.fromString('9007199254740992') } } },
    { kind: 'find', filter: { score: { $lt: new Double(-0) } } },
    { kind: 'find', filter: { createdAt: { $gt: new Int32(0) } } },
    { kind: 'find', filter: { i: { $gte: new Int32(100) } }, sort: { score: -1, _id: 1 }, limit: 15 },
  );
  // What the product's lists do: filter, sort with a tie-breaker, page, count, group.
  for (const township of TOWNSHIPS) {
    for (const status of STATUSES.slice(0, 4)) {
      const filter = { townshipCode: township, status };
      list.push({ kind: 'find', filter, sort: { createdAt: -1, _id: -1 }, skip: 2, limit: 5 });
      list.push({ kind: 'find', filter, sort: { i: 1 }, limit: 3, projection: { status: 1, i: 1 } });
      list.push({ kind: 'count', filter });
    }
    list.push({ kind: 'aggregate', pipeline: [{ $match: { townshipCode: township } }, { $group: { _id: '$status', count: { $sum: 1 } } }, { $sort: { _id: 1 } }] });
    list.push({
      kind: 'aggregate',
      pipeline: [{ $match: { status: { $in: STATUSES.slice(0, 5) }, townshipCode: township } }, { $group: { _id: { township: '$townshipCode', status: '$status' }, count: { $sum: 1 } } }, { $sort: { '_id.status': 1 } }],
    });
  }
  list.push({ kind: 'aggregate', pipeline: [{ $match: { 'household.townshipCode': TOWNSHIPS[2] } }, { $group: { _id: '$flag', count: { $sum: 1 } } }, { $sort: { _id: 1 } }] });
  // Sorting (patch 0007 sorts in SQL what it can order): every kind of value, on the path and as the value, both ways,
  // over everything and over filters that leave out the values SQL cannot order, paged.
  for (const field of ['v', 's', 'tags', 'ref', 'flag', 'score', 'createdAt', 'household.townshipCode', 'household.size', 'items.code', 'missing', '_id']) {
    for (const direction of [1, -1] as const) {
      const sort: Sort = field === '_id' ? { _id: direction } : { [field]: direction, _id: 1 };
      list.push({ kind: 'find', filter: {}, sort }, { kind: 'find', filter: { status: 'accepted' }, sort, skip: 3, limit: 10 });
      list.push({ kind: 'find', filter: { townshipCode: { $regex: '^5323291' }, i: { $gte: new Int32(20) } }, sort: { [field]: direction, i: direction === 1 ? -1 : 1 }, limit: 25 });
    }
  }
  list.push(
    { kind: 'find', filter: { v: { $type: ['string', 'number', 'date', 'bool', 'objectId', 'null'] } }, sort: { v: 1, _id: -1 }, limit: 30 },
    { kind: 'find', filter: { v: { $type: ['string', 'number', 'date', 'bool', 'objectId', 'null'] } }, sort: { v: -1, _id: -1 }, skip: 5, limit: 30 },
    { kind: 'find', filter: { status: 'verified' }, sort: { 'household.size': -1, createdAt: 1, _id: 1 }, limit: 12 },
  );
  // Counting (patch 0006 counts in SQL what it can prove): every filter above counted, and counted by a field.
  for (const query of list.filter((q) => q.kind === 'find' && !q.sort)) {
    const { filter } = query as { filter: object };
    list.push({ kind: 'count', filter }, { kind: 'countBy', filter, by: '$status' });
  }
  for (const by of ['$v', '$s', '$tags', '$ref', '$flag', '$household.townshipCode', '$items.code', '$missing']) {
    list.push({ kind: 'countBy', filter: {}, by }, { kind: 'countBy', filter: { townshipCode: { $regex: '^5323291' } }, by });
  }
  // Writes: the same change on both, then the whole collection compared.
  list.push(
    { kind: 'updateMany', filter: { status: 'submitted', townshipCode: TOWNSHIPS[0] }, update: { $set: { status: 'accepted' }, $inc: { i: 1000 } } },
    { kind: 'updateMany', filter: { tags: 'a' }, update: { $set: { tagged: true } } },
    { kind: 'updateMany', filter: { v: new Double(5) }, update: { $set: { five: true } } },
    { kind: 'findOneAndUpdate', filter: { status: 'accepted', i: { $gte: new Int32(1000) } }, update: { $set: { status: 'verified' } }, sort: { i: 1 } },
    { kind: 'findOneAndUpdate', filter: { _id: OID[2] }, update: { $set: { status: 'x' } } },
    { kind: 'deleteMany', filter: { ref: OID[0] } },
    { kind: 'deleteMany', filter: { 'household.townshipCode': TOWNSHIPS[1], createdAt: { $lt: DAY(6) } } },
    { kind: 'find', filter: {} },
  );
  return list;
}

async function answer(db: OwnFerretdb['db'], query: Query): Promise<unknown> {
  const coll = db.collection('corpus');
  switch (query.kind) {
    case 'find': {
      const cursor = coll.find(query.filter, { sort: query.sort, limit: query.limit, skip: query.skip, projection: query.projection });
      const docs = await cursor.toArray();
      // Without a sort, MongoDB promises no order (an index may change it): compare as a set.
      return query.sort ? docs : docs.map((doc) => EJSON.stringify(doc, { relaxed: false })).sort();
    }
    case 'count':
      return coll.countDocuments(query.filter);
    case 'aggregate':
      return coll.aggregate(query.pipeline).toArray();
    case 'countBy': {
      const groups = await coll.aggregate([{ $match: query.filter }, { $group: { _id: query.by, n: { $sum: 1 } } }]).toArray();
      // $group promises no order.
      return groups.map((group) => EJSON.stringify(group, { relaxed: false })).sort();
    }
    case 'updateMany': {
      const result = await coll.updateMany(query.filter, query.update);
      return { matched: result.matchedCount, modified: result.modifiedCount };
    }
    case 'findOneAndUpdate':
      return coll.findOneAndUpdate(query.filter, query.update, { sort: query.sort, returnDocument: 'after' });
    case 'deleteMany':
      return (await coll.deleteMany(query.filter)).deletedCount;
  }
}

let pushdown: OwnFerretdb;
let noPushdown: OwnFerretdb;

beforeAll(async () => {
  [pushdown, noPushdown] = await Promise.all([startOwnFerretdb(), startOwnFerretdb(['--test-disable-pushdown'])]);
  for (const { db } of [pushdown, noPushdown]) {
    const coll = db.collection('corpus');
    await coll.insertMany(corpus());
    for (const key of ['status', 'townshipCode', 'v', 'tags', 'ref', 'createdAt', 'household.townshipCode']) await coll.createIndex({ [key]: 1 });
    await coll.createIndex({ townshipCode: 1, status: 1, createdAt: -1 });
  }
}, 60_000);

afterAll(() => Promise.all([pushdown?.stop(), noPushdown?.stop()]));

test('the corpus holds at least 200 queries', () => {
  expect(queries().length).toBeGreaterThanOrEqual(200);
});

test('every query of the corpus answers the same with pushdown as without', async () => {
  const differences: string[] = [];
  let nonEmpty = 0;
  for (const query of queries()) {
    const [withPushdown, without] = await Promise.all([answer(pushdown.db, query), answer(noPushdown.db, query)]);
    const a = EJSON.stringify(withPushdown, { relaxed: false });
    const b = EJSON.stringify(without, { relaxed: false });
    if (a !== b) differences.push(`${EJSON.stringify(query, { relaxed: false })}\n  pushdown:    ${a.slice(0, 400)}\n  no pushdown: ${b.slice(0, 400)}`);
    if (!['[]', '0', '{"$numberInt":"0"}', 'null'].includes(b)) nonEmpty += 1;
  }
  expect(differences).toEqual([]);
  // A corpus whose queries all find nothing would prove nothing.
  expect(nonEmpty).toBeGreaterThan(queries().length * 0.6);
}, 120_000);

test.each([
  ['a township', { townshipCode: TOWNSHIPS[0] }, /SEARCH .* USING INDEX/],
  ['the townships of an area code prefix', { townshipCode: { $regex: '^5323291' } }, /SEARCH .* USING INDEX/],
  ['a list of statuses', { status: { $in: ['accepted', 'verified'] } }, /SEARCH .* USING INDEX/],
  // A document on the path may be an array, which keeps the row: that test is not on any index.
  ['a nested field', { 'household.townshipCode': TOWNSHIPS[1] }, /SCAN/],
])('pushdown reaches SQLite: a filter on %s', async (_, filter, plan) => {
  const explained = await pushdown.db.command({ explain: { find: 'corpus', filter } });
  expect(explained.queryPlanner.Plan.join('\n')).toMatch(plan);
  expect(explained.filterPushdown).toBe(true);
});
