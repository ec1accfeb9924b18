import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobPostingSummary } from '@anqian/shared';
import { errorMessage } from '@/lib/request';
import { listPostings } from './jobs-api';
import { appendPage, postingListPath, type PostingFilter } from './posting-query';

export type PostingList = {
  items: JobPostingSummary[];
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

type State = { items: JobPostingSummary[]; total: number; pagesLoaded: number; loading: boolean; error: string | null };

const START: State = { items: [], total: 0, pagesLoaded: 0, loading: true, error: null };

/** Pages of the posting list for one filter; a new filter starts again from page 1. */
export function usePostingList(filter: PostingFilter): PostingList {
  const [state, setState] = useState<State>(START);
  // Answers for an earlier filter or page arrive late on a slow network; only the newest counts.
  const latest = useRef(0);
  // The filter is a new object on every render; its query string says when it really changed.
  const key = postingListPath(filter, 1);
  const filterRef = useRef(filter);
  filterRef.current = filter;

  const fetchPage = useCallback(
    (page: number) => {
      const ticket = ++latest.current;
      setState((current) => ({ ...(page === 1 ? START : current), loading: true, error: null }));
      listPostings(filterRef.current, page).then(
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
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the filter
    [key],
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
