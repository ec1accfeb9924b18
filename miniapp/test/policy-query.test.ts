/**
 * How the policy list asks the server for a page: small pages, only the filters that are set, the
 * keyword trimmed and cut to what the server accepts, and rows that shift between pages shown once.
 */
import { MAX_KEYWORD_LENGTH, normaliseKeyword, POLICY_PAGE_SIZE, policyListPath } from '../src/features/policies/policy-query';
import { appendPage } from '../src/lib/append-page';

function queryOf(path: string): Record<string, string> {
  const [base, query] = path.split('?');
  expect(base).toBe('/resident/policies');
  return Object.fromEntries(new URLSearchParams(query));
}

it('asks for small pages with no filters by default', () => {
  expect(POLICY_PAGE_SIZE).toBeLessThanOrEqual(10);
  expect(queryOf(policyListPath({}, 1))).toEqual({ page: '1', pageSize: String(POLICY_PAGE_SIZE) });
  expect(queryOf(policyListPath({ q: '   ' }, 2))).toEqual({ page: '2', pageSize: String(POLICY_PAGE_SIZE) });
});

it('sends category and keyword, encoded so document numbers and symbols arrive as typed', () => {
  const path = policyListPath({ category: 'subsidy_standard', q: '  武府发〔2026〕12号 &  补助  ' }, 3);
  expect(path).not.toMatch(/[\s〔〕]/);
  expect(path.split('&')).toHaveLength(4);
  expect(queryOf(path)).toEqual({ page: '3', pageSize: '10', category: 'subsidy_standard', q: '武府发〔2026〕12号 & 补助' });
});

it('cuts a pasted paragraph to the longest keyword the server accepts', () => {
  const long = '搬迁'.repeat(40);
  expect(normaliseKeyword(long)).toHaveLength(MAX_KEYWORD_LENGTH);
  expect(queryOf(policyListPath({ q: long }, 1)).q).toHaveLength(MAX_KEYWORD_LENGTH);
});

it('a row that moved to the next page between two loads is listed once', () => {
  const first = [{ id: 'a' }, { id: 'b' }];
  expect(appendPage(first, [{ id: 'b' }, { id: 'c' }])).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
});
