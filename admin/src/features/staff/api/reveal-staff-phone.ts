import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** The server records every reveal in the audit log; the full number is never cached. */
export function useRevealStaffPhone() {
  return useMutation({
    mutationFn: (id: string) => api.post<{ phone: string }>(`/staff/${encodeURIComponent(id)}/reveal-phone`),
  });
}
