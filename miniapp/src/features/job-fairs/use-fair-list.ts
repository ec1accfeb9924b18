import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobFair } from '@anqian/shared';
import { errorMessage } from '@/lib/request';
import { listFairs } from './job-fairs-api';

type State = { items: JobFair[]; total: number; pagesLoaded: number; loading: boolean; error: string | null };

const START: State = { items: [], total: 0, pagesLoaded: 0, loading: true, error: null };

/** Upcoming fairs, a page at a time; `reload` starts again (back on the page, places change). */
export function useFairList() {
  const [state, setState] = useState<State>(START);
  const latest = useRef(0);

  const fetchPage = useCallback((page: number) => {
    const ticket = ++latest.current;
    setState((current) => ({ ...current, loading: true, error: null }));
    listFairs(page).then(
      (result) => {
        if (ticket !== latest.current) return;
        setState((current) => {
          const seen = new Set(page === 1 ? [] : current.items.map((fair) => fair.id));
          const items = [...(page === 1 ? [] : current.items), ...result.items.filter((fair) => !seen.has(fair.id))];
          return { items, total: result.total, pagesLoaded: page, loading: false, error: null };
        });
      },
      (failure: unknown) => {
        if (ticket !== latest.current) return;
        setState((current) => ({ ...current, loading: false, error: errorMessage(failure) }));
      },
    );
  }, []);

  useEffect(() => fetchPage(1), [fetchPage]);

  const hasMore = state.pagesLoaded > 0 && state.items.length < state.total;
  const loadMore = useCallback(() => {
    if (!state.loading && !state.error && hasMore) fetchPage(state.pagesLoaded + 1);
  }, [fetchPage, hasMore, state.error, state.loading, state.pagesLoaded]);
  const retry = useCallback(() => fetchPage(state.pagesLoaded + 1), [fetchPage, state.pagesLoaded]);
  const reload = useCallback(() => fetchPage(1), [fetchPage]);

  return {
    items: state.items,
    total: state.total,
    initialLoading: state.loading && state.pagesLoaded === 0,
    loadingMore: state.loading && state.pagesLoaded > 0,
    error: state.error,
    hasMore,
    loadMore,
    retry,
    reload,
  };
}
