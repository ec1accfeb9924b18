import { useQuery } from '@tanstack/react-query';
import type { PublicNotice } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { publicNoticesQueryKey } from '@/features/public-notices/api/list-public-notices';

export function usePublicNotice(id: string) {
  return useQuery({
    queryKey: [...publicNoticesQueryKey, 'detail', id],
    queryFn: () => api.get<PublicNotice>(`/public-notices/${encodeURIComponent(id)}`, { expected: true }),
  });
}
