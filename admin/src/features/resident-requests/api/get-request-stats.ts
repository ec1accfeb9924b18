import { useQuery } from '@tanstack/react-query';
import type { RequestStats } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { requestsQueryKey } from '@/features/resident-requests/api/list-requests';

export function useRequestStats(divisionCode: string | undefined) {
  return useQuery({
    queryKey: [...requestsQueryKey, 'stats', divisionCode],
    queryFn: () => api.get<RequestStats>('/resident-requests/stats', { query: { divisionCode }, expected: true }),
  });
}
