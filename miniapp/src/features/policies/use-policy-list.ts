import { useCallback, useEffect, useRef, useState } from 'react';
import type { PolicySummary } from '@anqian/shared';
import { errorMessage } from '@/lib/request';
import { listPolicies } from './policies-api';
import { appendPage, type PolicyFilter } from './policy-query';

export type PolicyList = {
  items: PolicySummary[];
  total: number;
  /** Nothing loaded yet for the current filter: show the skeleton. */
  initialLoading: boolean;
  loadingMore: boolean;
  /** The failure of the last page asked for; `retry` asks for it again. */
  error: string | null;
  hasMore: boolean;
  loadMore: () => void;
  retry: () => void;
};

type State = { items: PolicySummary[]; total: number; pagesLoaded: number; loading: boolean; error: string | null };

const START: State = { items: [], total: 0, pagesLoaded: 0, loading: true, error: null };

/** Pages of the resident policy list for one filter; a new filter starts again from page 1. */
export function usePolicyList(category: PolicyFilter['category'], q: string): PolicyList {
  const [state, setState] = useState<State>(START);
  // Answers for an earlier filter or page arrive late on a slow network; only the newest counts.
  const latest = useRef(0);

  const fetchPage = useCallback(
    (page: number) => {
      const ticket = ++latest.current;
      setState((current) => ({ ...(page === 1 ? START : current), loading: true, error: null }));
      listPolicies({ category, q }, page).then(
        (result) => {
          if (ticket !== latest.current) return;
          setState((current) => ({
            items: page === 1 ? result.items : appendPage(current.items, result.items),
            total: result.total,
            pagesLoaded: page,
            loading: false,
            error: null,
          }));
        },
        (failure: unknown) => {
          if (ticket !== latest.current) return;
          setState((current) => ({ ...current, loading: false, error: errorMessage(failure) }));
        },
      );
    },
    [category, q],
  );

  useEffect(() => fetchPage(1), [fetchPage]);

  const hasMore = state.pagesLoaded > 0 && state.items.length < state.total;
  const loadMore = useCallback(() => {
    if (!state.loading && !state.error && hasMore) fetchPage(state.pagesLoaded + 1);
  }, [fetchPage, hasMore, state.error, state.loading, state.pagesLoaded]);
  const retry = useCallback(() => fetchPage(state.pagesLoaded + 1), [fetchPage, state.pagesLoaded]);

  return {
    items: state.items,
    total: state.total,
    initialLoading: state.loading && state.pagesLoaded === 0,
    loadingMore: state.loading && state.pagesLoaded > 0,
    error: state.error,
    hasMore,
    loadMore,
    retry,
  };
}
