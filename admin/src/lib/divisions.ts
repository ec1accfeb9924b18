import { useQuery } from '@tanstack/react-query';
import type { DivisionNode } from '@anqian/shared';
import { api } from '@/lib/api-client';

/** The county tree changes only with an administrative reorganisation; cache it for the session. */
export function useDivisions() {
  return useQuery({
    queryKey: ['divisions'],
    queryFn: () => api.get<DivisionNode>('/divisions', { expected: true }),
    staleTime: 60 * 60 * 1000,
  });
}
