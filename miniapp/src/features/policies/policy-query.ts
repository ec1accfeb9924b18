import type { PolicyCategory } from '@anqian/shared';

/** Small pages: a list page must come through on a weak signal. */
export const POLICY_PAGE_SIZE = 10;

/** The server refuses longer keywords (listResidentPoliciesQuerySchema). */
export const MAX_KEYWORD_LENGTH = 50;

export type PolicyFilter = { category?: PolicyCategory; q?: string };

/** What the resident typed, as the server will match it: trimmed, inner spaces collapsed, cut to the limit. */
export function normaliseKeyword(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, MAX_KEYWORD_LENGTH).trim();
}

/** `/resident/policies?page=…` with only the filters that are set. */
export function policyListPath(filter: PolicyFilter, page: number, pageSize = POLICY_PAGE_SIZE): string {
  const params: [string, string][] = [
    ['page', String(page)],
    ['pageSize', String(pageSize)],
  ];
  if (filter.category) params.push(['category', filter.category]);
  const q = normaliseKeyword(filter.q ?? '');
  if (q) params.push(['q', q]);
  return `/resident/policies?${params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}`;
}

/**
 * Appends a page. Documents published between two page loads shift the offsets, so a row can come
 * twice: keep the first.
 */
