import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

const PAGE_SIZES = [10, 20, 50, 100] as const;

function positiveInt(raw: string | null, fallback: number): number {
  const value = Number(raw);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * Filters and pagination of a list page live in the URL, so reload, back/forward, bookmarks and the
 * sign-in redirect all land on the same view. `keys` must be a module-level constant.
 */
export function useListParams<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();

  const page = positiveInt(params.get('page'), 1);
  const requestedSize = positiveInt(params.get('pageSize'), 20);
  const pageSize = (PAGE_SIZES as readonly number[]).includes(requestedSize) ? requestedSize : 20;

  const filters = useMemo(
    () => Object.fromEntries(keys.map((key) => [key, params.get(key) || undefined])) as Record<K, string | undefined>,
    [keys, params],
  );

  /** Returns false when nothing changed, so the caller can refetch the same view instead. */
  const setFilters = useCallback(
    (next: Partial<Record<K, string | undefined>>): boolean => {
      const changed = page !== 1 || keys.some((key) => (next[key] || undefined) !== filters[key]);
      if (!changed) return false;
      setParams((current) => {
        const updated = new URLSearchParams();
        for (const [key, value] of Object.entries(next) as [K, string | undefined][]) {
          if (value) updated.set(key, value);
        }
        const size = current.get('pageSize');
        if (size) updated.set('pageSize', size);
        return updated;
      });
      return true;
    },
    [filters, keys, page, setParams],
  );

  const setPagination = useCallback(
    (nextPage: number, nextPageSize: number) => {
      setParams((current) => {
        const updated = new URLSearchParams(current);
        updated.set('page', String(nextPage));
        updated.set('pageSize', String(nextPageSize));
        return updated;
      });
    },
    [setParams],
  );

  const hasFilters = keys.some((key) => params.get(key));

  return { page, pageSize, filters, hasFilters, setFilters, setPagination, pageSizeOptions: PAGE_SIZES };
}
