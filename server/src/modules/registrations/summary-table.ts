import { Types } from 'mongoose';
import sift from 'sift';
import { documentOrder, firstInOrder } from '../../db/mongo-order';
import type { RegistrationSummaryRecord } from './registration-summary.model';

type Summary = RegistrationSummaryRecord;
export type SummaryFilter = Record<string, unknown>;
export type SummaryQuery = { sort?: Record<string, 1 | -1>; skip?: number; limit?: number };

/**
 * Every registration summary, in memory, found with the filters and sorts the collection takes
 * (`sift` reads a MongoDB filter as the database does). A filter on one household or one resident
 * goes straight to that household's or resident's rows. The rows are shared: callers only read them.
 */
export function createSummaryTable(rows: Summary[]) {
  const byId = new Map<string, Summary>();
  const byHousehold = new Map<string, Set<Summary>>();
  const byResident = new Map<string, Set<Summary>>();

  function group(groups: Map<string, Set<Summary>>, key: string | null, row: Summary, add: boolean) {
    if (key === null) return;
    const rowsOfKey = groups.get(key) ?? new Set<Summary>();
    if (add) rowsOfKey.add(row);
    else rowsOfKey.delete(row);
    if (rowsOfKey.size) groups.set(key, rowsOfKey);
    else groups.delete(key);
  }

  function index(row: Summary, add: boolean) {
    group(byHousehold, row.householdKey, row, add);
    group(byResident, row.residentId ? row.residentId.toHexString() : null, row, add);
  }

  /** Stores `row` unless the table holds a newer summary of the same registration. */
  function put(row: Summary): void {
    const id = row._id.toHexString();
    const stored = byId.get(id);
    if (stored && stored.updatedAt > row.updatedAt) return;
    if (stored) index(stored, false);
    byId.set(id, row);
    index(row, true);
  }

  /** The rows a filter can match; `all` when they are exactly the household's or resident's it names. */
  function candidates(filter: SummaryFilter): { rows: Iterable<Summary>; all: boolean } {
    const onlyKey = Object.keys(filter).length === 1;
    if (typeof filter.householdKey === 'string') return { rows: byHousehold.get(filter.householdKey) ?? [], all: onlyKey };
    const { residentId } = filter;
    if (typeof residentId === 'string' || residentId instanceof Types.ObjectId) return { rows: byResident.get(String(residentId)) ?? [], all: onlyKey };
    return { rows: byId.values(), all: false };
  }

  function matching(filter: SummaryFilter): Summary[] {
    const { rows, all } = candidates(filter);
    // Compiling the filter was ~3.5% of a detail's CPU: skip it when these rows are the answer.
    if (all) return [...rows];
    const test = sift<Summary>(filter);
    const found: Summary[] = [];
    for (const row of rows) if (test(row)) found.push(row);
    return found;
  }

  for (const row of rows) put(row);

  return {
    put,

    find(filter: SummaryFilter, { sort, skip = 0, limit = Infinity }: SummaryQuery = {}): Summary[] {
      const found = matching(filter);
      if (!sort) return found.slice(skip, skip + limit);
      return firstInOrder(found, documentOrder(sort), skip + limit).slice(skip);
    },

    /** How many summaries match `filter`, by their value of `field`. */
    countBy<K extends keyof Summary>(filter: SummaryFilter, field: K): Map<Summary[K], number> {
      const counts = new Map<Summary[K], number>();
      for (const row of matching(filter)) counts.set(row[field], (counts.get(row[field]) ?? 0) + 1);
      return counts;
    },
  };
}

export type SummaryTable = ReturnType<typeof createSummaryTable>;
