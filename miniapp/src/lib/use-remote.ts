import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from './request';

export type Remote<T> = {
  data: T | null;
  loading: boolean;
  /** A resident-facing message; the page shows it with a 重试 button. */
  error: string | null;
  reload: () => void;
  /** Replace the loaded value after an action returned a newer one (withdraw, resubmit). */
  setData: (data: T) => void;
};

/** Loads once on mount and whenever `load` changes (wrap it in useCallback). */
export function useRemote<T>(load: () => Promise<T>): Remote<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(null);
    load().then(
      (value) => {
        if (!current) return;
        setData(value);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(errorMessage(failure));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return { data, loading, error, reload, setData };
}
