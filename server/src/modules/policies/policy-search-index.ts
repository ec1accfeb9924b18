import type { PolicySummary } from '@anqian/shared';

/** Enough of a long body to find a document by the words residents type; keeps the index small. */
export const MAX_SEARCH_TEXT = 4000;

export type IndexedPolicy = { summary: PolicySummary; text: string };

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

function bigrams(text: string): Set<string> {
  const chars = Array.from(text);
  const found = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) found.add(chars[i] + chars[i + 1]);
  return found;
}

/** Pinned first, then the newest publish date, then the latest change. */
function compare(a: IndexedPolicy, b: IndexedPolicy): number {
  if (a.summary.pinned !== b.summary.pinned) return a.summary.pinned ? -1 : 1;
  if (a.summary.publishDate !== b.summary.publishDate) return a.summary.publishDate < b.summary.publishDate ? 1 : -1;
  if (a.summary.updatedAt !== b.summary.updatedAt) return a.summary.updatedAt < b.summary.updatedAt ? 1 : -1;
  return a.summary.id < b.summary.id ? 1 : -1;
}

/**
 * Every policy document in memory: summaries in list order, and character bigrams (which suit
 * Chinese, where words are not separated) pointing at the documents whose search text has them.
 * A query looks up the rarest of its bigrams and confirms each candidate with a literal match, so
 * a search never touches the database and never scans every body.
 */
export function buildSearchIndex(entries: Iterable<{ summary: PolicySummary; searchText: string }>) {
  const docs: IndexedPolicy[] = [...entries]
    .map((entry) => ({ summary: entry.summary, text: normalise(entry.searchText).slice(0, MAX_SEARCH_TEXT) }))
    .sort(compare);
  const postings = new Map<string, number[]>();
  docs.forEach((doc, position) => {
    for (const pair of bigrams(doc.text)) {
      const list = postings.get(pair);
      if (list) list.push(position);
      else postings.set(pair, [position]);
    }
  });

  return {
    /** Documents matching `q` (literal, case-insensitive) that pass `keep`, in list order. */
    search(q: string | undefined, keep: (summary: PolicySummary) => boolean): PolicySummary[] {
      const needle = normalise(q ?? '');
      let candidates: IndexedPolicy[] = docs;
      if (needle.length > 0) {
        const pairs = [...bigrams(needle)];
        if (pairs.length > 0) {
          const lists = pairs.map((pair) => postings.get(pair) ?? []);
          const rarest = lists.reduce((shortest, list) => (list.length < shortest.length ? list : shortest));
          candidates = rarest.map((position) => docs[position]);
        }
        candidates = candidates.filter((doc) => doc.text.includes(needle));
      }
      return candidates.filter((doc) => keep(doc.summary)).map((doc) => doc.summary);
    },
  };
}

export type PolicySearchIndex = ReturnType<typeof buildSearchIndex>;
