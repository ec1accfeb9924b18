import { useCallback, useState } from 'react';
import { errorMessage } from './request';

export type Action<A extends unknown[]> = {
  loading: boolean;
  error: string | null;
  /** Resolves true when the call succeeded; failures land in `error` as a resident-facing message. */
  run: (...args: A) => Promise<boolean>;
  reset: () => void;
};

/** Loading and error state for one button-triggered call. */
export function useAction<A extends unknown[]>(call: (...args: A) => Promise<unknown>): Action<A> {
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (...args: A) => {
      setLoading(true);
      setError(null);
      try {
        await call(...args);
        return true;
      } catch (failure) {
        setError(errorMessage(failure));
        return false;
      } finally {
        setLoading(false);
      }
    },
    [call],
  );
  const reset = useCallback(() => setError(null), []);
  return { loading, error, run, reset };
}
