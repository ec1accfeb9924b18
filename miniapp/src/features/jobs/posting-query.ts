import type { FoodAndLodging, JobCategory } from '@anqian/shared';

/** Small pages: a list page must come through on a weak signal. */
export const POSTING_PAGE_SIZE = 10;

/** The server refuses longer keywords (listResidentPostingsQuerySchema). */
export const MAX_KEYWORD_LENGTH = 30;

export type PostingSort = 'newest' | 'pay';

/**
 * `near`: 'township' needs the township (or village) of home in `homeCode`; 'county' keeps postings
 * inside the county; '' is anywhere, outside the county too.
 */
export type PostingFilter = {
  category?: JobCategory;
  near?: 'township' | 'county';
  homeCode?: string;
  minPay?: number;
  foodAndLodging?: FoodAndLodging;
  q?: string;
  sort?: PostingSort;
};

/** What the resident typed, as the server will match it: trimmed, inner spaces collapsed, cut to the limit. */
export function normaliseKeyword(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, MAX_KEYWORD_LENGTH).trim();
}

/** `/resident/job-postings?page=…` with only the filters that are set. */
export function postingListPath(filter: PostingFilter, page: number, pageSize = POSTING_PAGE_SIZE): string {
  const params: [string, string][] = [
    ['page', String(page)],
    ['pageSize', String(pageSize)],
  ];
  if (filter.category) params.push(['category', filter.category]);
  if (filter.near === 'county') params.push(['near', 'county']);
  // Without a home township the server would refuse the filter; the page asks for it first.
  if (filter.near === 'township' && filter.homeCode) params.push(['near', 'township'], ['homeCode', filter.homeCode]);
  if (filter.minPay) params.push(['minPay', String(filter.minPay)]);
  if (filter.foodAndLodging) params.push(['foodAndLodging', filter.foodAndLodging]);
  const q = normaliseKeyword(filter.q ?? '');
  if (q) params.push(['q', q]);
  if (filter.sort === 'pay') params.push(['sort', 'pay']);
  return `/resident/job-postings?${params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}`;
}
