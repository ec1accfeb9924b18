import { useCallback, useRef, useState } from 'react';
import { type RequestCategory, type ResidentRequest, type SubmitRequestBody, submitRequestBodySchema } from '@anqian/shared';
import { newIdempotencyKey } from '@/lib/idempotency-key';
import type { PhotoDraft } from '@/lib/photos';
import { ApiError, errorMessage } from '@/lib/request';
import { fieldErrorsFromServer, type RequestField, type RequestFieldErrors } from './request-display';
import { submitRequest } from './requests-api';

export type RequestDraft = {
  category: RequestCategory | '';
  text: string;
  photos: PhotoDraft[];
  villageCode: string;
  /** '' when the request is not about one of the resident's registrations. */
  registrationId: string;
};

const FIX_BELOW = '还有没填好的地方，请看上面红字的提示。';

const EMPTY: RequestDraft = { category: '', text: '', photos: [], villageCode: '', registrationId: '' };

const FIELD_OF_PATH: Record<string, RequestField> = { category: 'category', text: 'text', photoIds: 'photos', place: 'village' };

/** The schema speaks of division codes and minimum lengths; an empty field is simply not filled in. */
function plainMessage(field: RequestField, message: string, draft: RequestDraft): string {
  if (field === 'village') return '请选择诉求所在的村（社区）';
  if (field === 'text' && draft.text.trim() === '') return '请填写诉求内容';
  return message;
}

type Checked = { ok: true; body: SubmitRequestBody } | { ok: false; errors: RequestFieldErrors };

/** Every problem at once, in the shared schema's own words (the server checks the same schema). */
function check(draft: RequestDraft, idempotencyKey: string): Checked {
  const result = submitRequestBodySchema.safeParse({
    idempotencyKey,
    category: draft.category || undefined,
    text: draft.text,
    photoIds: draft.photos.map((photo) => photo.id),
    place: draft.villageCode ? { villageCode: draft.villageCode, registrationId: draft.registrationId || undefined } : undefined,
  });
  if (result.success) return { ok: true, body: result.data };
  const errors: RequestFieldErrors = {};
  for (const issue of result.error.issues) {
    const [first, second] = issue.path;
    const field = second === 'registrationId' ? 'registration' : FIELD_OF_PATH[String(first)];
    if (field) errors[field] ??= plainMessage(field, issue.message, draft);
  }
  return { ok: false, errors };
}

/**
 * The new-request form. Its idempotency key is made once when the page opens, so a double tap or a
 * retry after a lost answer stores one request; after a success the page gives way to the request.
 */
export function useRequestForm(onSubmitted: (request: ResidentRequest) => void) {
  const [draft, setDraft] = useState<RequestDraft>(EMPTY);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [errors, setErrors] = useState<RequestFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // A second tap arrives before React re-renders with `submitting`: the ref sees it at once.
  const busy = useRef(false);

  const update = useCallback((change: Partial<RequestDraft> | ((current: RequestDraft) => RequestDraft)) => {
    setDraft((current) => (typeof change === 'function' ? change(current) : { ...current, ...change }));
    // A field the resident touches loses its old message; the others keep theirs until the next try.
    if (typeof change !== 'function') {
      const touched = Object.keys(change).map((key) => (key === 'villageCode' ? 'village' : key === 'registrationId' ? 'registration' : key));
      setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !touched.includes(key))));
    }
  }, []);

  /**
   * Resolves true when stored; false with the messages shown next to their fields. `beforeSend`
   * runs once the form is complete, still inside the tap (WeChat's subscribe prompt needs that).
   */
  const submit = useCallback(async (beforeSend: () => Promise<void>): Promise<boolean> => {
    if (busy.current) return false;
    setFormError(null);
    const checked = check(draft, idempotencyKey);
    if (!checked.ok) {
      setErrors(checked.errors);
      return false;
    }
    setErrors({});
    busy.current = true;
    setSubmitting(true);
    try {
      await beforeSend();
      onSubmitted(await submitRequest(checked.body));
      return true;
    } catch (failure) {
      if (failure instanceof ApiError && failure.details.length > 0) {
        const { fields, other } = fieldErrorsFromServer(failure.details);
        setErrors(fields);
        setFormError(other[0] ?? null);
      } else {
        setFormError(errorMessage(failure));
      }
      return false;
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  }, [draft, idempotencyKey, onSubmitted]);

  // The summary above the button goes once every marked field is put right.
  const summary = formError ?? (Object.keys(errors).length > 0 ? FIX_BELOW : null);
  return { draft, update, errors, formError: summary, submitting, submit };
}

export type RequestForm = ReturnType<typeof useRequestForm>;
