import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RegistrationDraft } from './draft';
import { saveDraft, type DraftSlot } from './draft-storage';
import { STEPS, stepOfField, validateStep, type FieldErrors, type StepKey } from './validation';

export type FormApi = {
  draft: RegistrationDraft;
  step: StepKey;
  update: (recipe: (draft: RegistrationDraft) => RegistrationDraft) => void;
  /** The message to show under a field: once the resident left it, or tried to go on. */
  errorOf: (field: string) => string | undefined;
  /** Messages for every field starting with `prefix` (a member card shows its member's). */
  errorsUnder: (prefix: string) => string[];
  touch: (field: string) => void;
  visibleErrorCount: number;
  goTo: (step: StepKey) => void;
  /** Moves on when the step is valid; otherwise shows all its messages and stays. */
  next: () => boolean;
  back: () => void;
  /** Show messages the server (or the final check) found, on every step, and open the first such step. */
  showErrors: (errors: FieldErrors) => void;
  reset: (draft: RegistrationDraft) => void;
};

/** Form state saved to the phone on every change, so closing the app or losing signal loses nothing. */
export function useRegistrationForm(slot: DraftSlot, initial: RegistrationDraft): FormApi {
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [attempted, setAttempted] = useState<ReadonlySet<StepKey>>(() => new Set());
  const [extraErrors, setExtraErrors] = useState<FieldErrors>({});

  useEffect(() => saveDraft(slot, draft), [slot, draft]);

  const step = STEPS[Math.min(Math.max(draft.step, 0), STEPS.length - 1)].key;
  const stepErrors = useMemo(() => validateStep(step, draft), [step, draft]);
  const showAll = attempted.has(step);

  const errorOf = useCallback(
    (field: string) => extraErrors[field] ?? (showAll || touched.has(field) ? stepErrors[field] : undefined),
    [extraErrors, showAll, touched, stepErrors],
  );
  const errorsUnder = useCallback(
    (prefix: string) =>
      [...new Set([...Object.keys(stepErrors), ...Object.keys(extraErrors)])]
        .filter((field) => field.startsWith(`${prefix}.`))
        .map(errorOf)
        .filter((message): message is string => Boolean(message)),
    [stepErrors, extraErrors, errorOf],
  );
  const visibleErrorCount = useMemo(
    () => new Set([...Object.keys(stepErrors), ...Object.keys(extraErrors)].filter((field) => errorOf(field))).size,
    [stepErrors, extraErrors, errorOf],
  );

  const update = useCallback((recipe: (current: RegistrationDraft) => RegistrationDraft) => {
    setDraft(recipe);
    setExtraErrors({});
  }, []);
  const touch = useCallback((field: string) => setTouched((set) => new Set(set).add(field)), []);
  const goTo = useCallback(
    (target: StepKey) => setDraft((current) => ({ ...current, step: STEPS.findIndex(({ key }) => key === target) })),
    [],
  );

  const next = () => {
    if (Object.keys(stepErrors).length > 0) {
      setAttempted((set) => new Set(set).add(step));
      return false;
    }
    setDraft((current) => ({ ...current, step: Math.min(current.step + 1, STEPS.length - 1) }));
    return true;
  };
  const back = () => setDraft((current) => ({ ...current, step: Math.max(current.step - 1, 0) }));

  const showErrors = (errors: FieldErrors) => {
    const fields = Object.keys(errors);
    if (fields.length === 0) return;
    const steps = fields.map(stepOfField);
    const target = STEPS.find(({ key }) => steps.includes(key))?.key ?? steps[0];
    setExtraErrors(errors);
    // Every step with a problem marks all its fields when opened, not only the first one.
    setAttempted((set) => new Set([...set, ...steps]));
    goTo(target);
  };

  const reset = (fresh: RegistrationDraft) => {
    setDraft(fresh);
    setTouched(new Set());
    setAttempted(new Set());
    setExtraErrors({});
  };

  return { draft, step, update, errorOf, errorsUnder, touch, visibleErrorCount, goTo, next, back, showErrors, reset };
}
