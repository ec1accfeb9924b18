import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResidentRequestSummary } from '@anqian/shared';
import { errorMessage } from '@/lib/request';
import { listMyRequests } from './requests-api';

type State = { items: ResidentRequestSummary[]; total: number; pagesLoaded: number; loading: boolean; error: string | null };

const START: State = { items: [], total: 0, pagesLoaded: 0, loading: true, error: null };

/** The resident's requests, newest first, a page at a time; `refresh` starts again from page 1. */
export function useRequestList() {
  const [state, setState] = useState<State>(START);
  // A late answer for an earlier refresh must not overwrite a newer one.
  const latest = useRef(0);

  const fetchPage = useCallback((page: number) => {
    const ticket = ++latest.current;
    setState((current) => ({ ...current, loading: true, error: null }));
    listMyRequests(page).then(
      (result) => {
        if (ticket !== latest.current) return;
        setState((current) => {
          const kept = page === 1 ? [] : current.items;
          const seen = new Set(kept.map((item) => item.id));
          return { items: [...kept, ...result.items.filter((item) => !seen.has(item.id))], total: result.total, pagesLoaded: page, loading: false, error: null };
        });
      },
      (failure: unknown) => {
        if (ticket !== latest.current) return;
        setState((current) => ({ ...current, loading: false, error: errorMessage(failure) }));
      },
    );
  }, []);

  useEffect(() => fetchPage(1), [fetchPage]);

  const refresh = useCallback(() => fetchPage(1), [fetchPage]);
  const loadMore = useCallback(() => fetchPage(state.pagesLoaded + 1), [fetchPage, state.pagesLoaded]);

  return {
    items: state.items,
    total: state.total,
    loaded: state.pagesLoaded > 0,
    loading: state.loading,
    error: state.error,
    hasMore: state.pagesLoaded > 0 && state.items.length < state.total,
    refresh,
    loadMore,
  };
}
