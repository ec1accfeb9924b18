import { useQuery } from '@tanstack/react-query';
import type { RequestAssignee } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { requestsQueryKey } from '@/features/resident-requests/api/list-requests';

/** Colleagues of the handling office; asked for only when the assign picker opens. */
export function useAssignees(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...requestsQueryKey, 'assignees', id],
    queryFn: async () => (await api.get<{ items: RequestAssignee[] }>(`/resident-requests/${encodeURIComponent(id)}/assignees`)).items,
    enabled,
  });
}
