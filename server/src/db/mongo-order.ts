import { Types } from 'mongoose';

/** MongoDB's order of the types a sort meets here: null and missing, numbers, strings, ObjectIds, booleans, dates. */
function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  if (value instanceof Types.ObjectId) return 3;
  if (typeof value === 'boolean') return 4;
  if (value instanceof Date) return 5;
  throw new TypeError(`no sort order for ${Object.prototype.toString.call(value)}`);
}

/**
 * UTF-16 code units ranked as UTF-8 bytes compare: a surrogate (half of a character beyond U+FFFF)
 * sorts after U+E000–U+FFFF, as MongoDB's byte-wise string order puts it.
 */
const byteRank = (unit: number) => (unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit);

/** Strings as MongoDB compares them without a collation: by their UTF-8 bytes. */
export function compareStrings(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return byteRank(x) - byteRank(y);
  }
  return a.length - b.length;
}

export function compareValues(a: unknown, b: unknown): number {
  const rank = typeRank(a) - typeRank(b);
  if (rank !== 0) return rank;
  if (typeof a === 'number') return a - (b as number);
  if (typeof a === 'string') return compareStrings(a, b as string);
  if (a instanceof Types.ObjectId) return compareStrings(a.toHexString(), (b as Types.ObjectId).toHexString());
  if (typeof a === 'boolean') return Number(a) - Number(b);
  if (a instanceof Date) return a.getTime() - (b as Date).getTime();
  return 0;
}

const valueAt = (document: unknown, path: string[]) => path.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], document);

/** A comparator for documents, in the order `.sort(spec)` returns them from MongoDB (plain values on the paths). */
export function documentOrder(spec: Record<string, 1 | -1>): (a: object, b: object) => number {
  const keys = Object.entries(spec).map(([path, direction]) => ({ path: path.split('.'), direction }));
  return (a, b) => {
    for (const { path, direction } of keys) {
      const order = compareValues(valueAt(a, path), valueAt(b, path));
      if (order !== 0) return order * direction;
    }
    return 0;
  };
}

/** The first `count` items in `order`, without sorting the rest. */
export function firstInOrder<T>(items: T[], order: (a: T, b: T) => number, count: number): T[] {
  if (count <= 0) return [];
  if (count >= items.length / 8) return [...items].sort(order).slice(0, count);
  const best: T[] = [];
  for (const item of items) {
    if (best.length === count && order(item, best[count - 1]) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (order(best[middle], item) <= 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, item);
    if (best.length > count) best.pop();
  }
  return best;
}
