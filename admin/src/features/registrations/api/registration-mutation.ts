import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RegistrationDetail } from '@anqian/shared';
import { api, isApiError } from '@/lib/api-client';
import { registrationDetailKey, useStoreRegistration } from '@/features/registrations/api/get-registration';

/**
 * A staff write on one registration that answers with the updated detail. The dialogs show every
 * failure themselves; a 409 means the page was stale, so the detail is refetched behind the message.
 */
export function useRegistrationMutation<V extends { id: string }>(request: (vars: V) => Promise<RegistrationDetail>) {
  const queryClient = useQueryClient();
  const store = useStoreRegistration();
  return useMutation({
    mutationFn: request,
    onSuccess: store,
    onError: (error, { id }) => {
      if (isApiError(error) && error.status === 409) void queryClient.invalidateQueries({ queryKey: registrationDetailKey(id) });
    },
  });
}

/** POST /registrations/:id/<path>. */
export const postRegistration = (id: string, path: string, body: unknown) =>
  api.post<RegistrationDetail>(`/registrations/${encodeURIComponent(id)}/${path}`, body, { expected: true });
