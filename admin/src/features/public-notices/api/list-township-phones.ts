import { useQuery } from '@tanstack/react-query';
import type { StaffTownshipContact } from '@anqian/shared';
import { api } from '@/lib/api-client';

/** The office phones of the caller's townships (a township's own), for the default notice text. */
export function useTownshipPhones(options: { enabled: boolean }) {
  return useQuery({
    // The key of the county's phone settings page, so a phone changed there is read afresh here.
    queryKey: ['township-contacts'],
    queryFn: () => api.get<{ items: StaffTownshipContact[] }>('/township-contacts', { expected: true }),
    enabled: options.enabled,
  });
}
