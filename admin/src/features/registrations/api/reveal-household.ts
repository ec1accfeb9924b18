import { useMutation } from '@tanstack/react-query';
import type { RevealedHousehold } from '@anqian/shared';
import { api } from '@/lib/api-client';

/** The server records every reveal in the audit log; the full values are never cached. */
export function useRevealHousehold() {
  return useMutation({
    mutationFn: (id: string) => api.post<RevealedHousehold>(`/registrations/${encodeURIComponent(id)}/reveal`),
  });
}
