import { useQuery } from '@tanstack/react-query';
import type { RegistrationSubsidy } from '@anqian/shared';
import { api } from '@/lib/api-client';

/**
 * Keyed by the registration's last change as well: an approval fixes the amounts, and the detail
 * the approval answers with has a new `updatedAt`. Rule-set saves invalidate the whole key.
 */
export function useRegistrationSubsidy(id: string, updatedAt: string) {
  return useQuery({
    queryKey: ['registrations', 'subsidy', id, updatedAt],
    queryFn: () => api.get<RegistrationSubsidy>(`/registrations/${encodeURIComponent(id)}/subsidy`, { expected: true }),
  });
}
