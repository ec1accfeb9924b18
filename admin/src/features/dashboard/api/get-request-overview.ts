import { useQuery } from '@tanstack/react-query';
import type { RequestStats } from '@anqian/shared';
import { api } from '@/lib/api-client';

/** The caller's area's residents' requests, for the overdue figures on the dashboard. */
export function useRequestOverview() {
  return useQuery({
    queryKey: ['resident-requests', 'stats', undefined],
    queryFn: () => api.get<RequestStats>('/resident-requests/stats', { expected: true }),
  });
}
