import { useQuery } from '@tanstack/react-query';
import type { StaffTownshipContact } from '@anqian/shared';
import { api } from '@/lib/api-client';

export const townshipContactsQueryKey = ['township-contacts'] as const;

/** The townships of the caller's area with their office phones: all for the county, its own for a township. */
export function useTownshipContacts(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: townshipContactsQueryKey,
    queryFn: () => api.get<{ items: StaffTownshipContact[] }>('/township-contacts', { expected: true }),
    enabled: options.enabled,
  });
}
