import { useQuery } from '@tanstack/react-query';
import type { Page, Site } from '@anqian/shared';
import { api } from '@/lib/api-client';

/** Sites to assign on approval, with the places left. A county has about a dozen. */
export function useSiteChoices(enabled: boolean) {
  return useQuery({
    queryKey: ['sites', 'choices'],
    queryFn: () => api.get<Page<Site>>('/sites', { query: { page: 1, pageSize: 100 }, expected: true }),
    enabled,
  });
}
