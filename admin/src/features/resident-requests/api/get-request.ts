import { useQuery } from '@tanstack/react-query';
import type { StaffRequestDetail } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { requestsQueryKey } from '@/features/resident-requests/api/list-requests';

export const requestQueryKey = (id: string | undefined) => [...requestsQueryKey, 'detail', id] as const;

export function useRequest(id: string | undefined) {
  return useQuery({
    queryKey: requestQueryKey(id),
    queryFn: () => api.get<StaffRequestDetail>(`/resident-requests/${encodeURIComponent(id ?? '')}`, { expected: true }),
    enabled: Boolean(id),
  });
}
