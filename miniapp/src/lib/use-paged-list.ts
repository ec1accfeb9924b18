import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@anqian/shared';
import { appendPage } from '@/lib/append-page';
import { errorMessage } from '@/lib/request';

export type PagedList<T> = {
  items: T[];
  total: number;
  /** Nothing loaded yet for the current query: show the skeleton. */
  initialLoading: boolean;
  loadingMore: boolean;
  /** The failure of the last page asked for; `retry` asks for it again. */
  error: string | null;
  hasMore: boolean;
  loadMore: () => void;
  retry: () => void;
  /** Page 1 again, keeping the rows shown until it comes (back on the page, places may have changed). */
  reload: () => void;
};

type State<T> = { items: T[]; total: number; pagesLoaded: number; loading: boolean; error: string | null };

/**
 * Pages of a list for one query; `key` names the query (its path), and a new key starts again from
 * page 1. Only the newest answer counts, since answers for an earlier query arrive late on a slow
 * network.
 */
export function usePagedList<T extends { id: string }>(key: string, fetchPage: (page: number) => Promise<Page<T>>): PagedList<T> {
  const [state, setState] = useState<State<T>>({ items: [], total: 0, pagesLoaded: 0, loading: true, error: null });
  const latest = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = useCallback(
    (page: number, keepShown = false) => {
      const ticket = ++latest.current;
      setState((current) => (page === 1 && !keepShown ? { items: [], total: 0, pagesLoaded: 0, loading: true, error: null } : { ...current, loading: true, error: null }));
      fetchRef.current(page).then(
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
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the query
    [key],
  );

  useEffect(() => load(1), [load]);

  const hasMore = state.pagesLoaded > 0 && state.items.length < state.total;
  const loadMore = useCallback(() => {
    if (!state.loading && !state.error && hasMore) load(state.pagesLoaded + 1);
  }, [load, hasMore, state.error, state.loading, state.pagesLoaded]);
  const retry = useCallback(() => load(state.pagesLoaded + 1), [load, state.pagesLoaded]);
  const reload = useCallback(() => load(1, true), [load]);

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
