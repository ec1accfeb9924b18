import { useCallback, useEffect, useState } from 'react';
import { obtainRuleSet, type RuleSetState } from './rule-set-source';

/** null while the first answer (server or phone) is on its way. */
export function useRuleSet(): { state: RuleSetState | null; reload: () => void } {
  const [state, setState] = useState<RuleSetState | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    void obtainRuleSet().then((next) => {
      if (current) setState(next);
    });
    return () => {
      current = false;
    };
  }, [attempt]);
  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return { state, reload };
}
