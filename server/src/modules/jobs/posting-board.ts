import type { Connection } from 'mongoose';
import type { JobPostingSummary, ListResidentPostingsQuery, Page } from '@anqian/shared';
import { createChangeToken, createTokenCache } from '../../db/change-token';
import { EMPLOYERS_CHANGE_TOKEN } from '../employers/employers.service';
import type { PostingRecord } from './jobs.model';

/** A published posting as residents find it: the fields they filter and sort on, its summary, and the text a keyword searches. */
export type BoardEntry = { posting: PostingRecord; summary: JobPostingSummary; text: string };

/**
 * The residents' job board: every published posting of an active employer, held in memory and
 * loaded again when a posting or an employer changes, which their change tokens tell.
 * Residents' lists filter, sort and page it without a query of their own: the board holds a few
 * thousand postings and is read far more often than written (the policy library does the same).
 */
export function createPostingBoard(connection: Connection, load: () => Promise<BoardEntry[]>) {
  const postings = createChangeToken(connection, 'job-postings');
  const employers = createChangeToken(connection, EMPLOYERS_CHANGE_TOKEN);
  const either = { read: async () => (await Promise.all([postings.read(), employers.read()])).join(':') };
  const current = createTokenCache(either, load);
  return {
    current,
    /** Call after every write to a posting residents may see. */
    changed: () => postings.bump(),
  };
}

const newestFirst = (a: BoardEntry, b: BoardEntry) =>
  (b.posting.publishedAt?.getTime() ?? 0) - (a.posting.publishedAt?.getTime() ?? 0) || b.posting._id.toString().localeCompare(a.posting._id.toString());
/** Best pay first; piece rates (no monthly floor) last, as the database sorts null below numbers. */
const bestPaidFirst = (a: BoardEntry, b: BoardEntry) => (b.posting.payFloor ?? -1) - (a.posting.payFloor ?? -1) || newestFirst(a, b);

/** One page of the postings open on `today` that match the residents' filters. */
export function boardPage(entries: BoardEntry[], query: ListResidentPostingsQuery, today: string, townshipOfHome: string | null): Page<JobPostingSummary> {
  const keyword = query.q?.toLowerCase();
  const matching = entries.filter(({ posting, text }) => {
    if (posting.closingDate < today) return false;
    if (query.category && posting.category !== query.category) return false;
    if (query.foodAndLodging && posting.foodAndLodging !== query.foodAndLodging) return false;
    if (query.minPay !== undefined && (posting.payFloor ?? -1) < query.minPay) return false;
    if (query.near === 'county' && posting.workplace.kind !== 'county') return false;
    if (query.near === 'township' && posting.workplace.townshipCode !== townshipOfHome) return false;
    return !keyword || text.includes(keyword);
  });
  matching.sort(query.sort === 'pay' ? bestPaidFirst : newestFirst);
  const start = (query.page - 1) * query.pageSize;
  return { items: matching.slice(start, start + query.pageSize).map((entry) => entry.summary), total: matching.length, page: query.page, pageSize: query.pageSize };
}
