import { useQuery } from '@tanstack/react-query';
import type { StaffJobPosting } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { postingsQueryKey } from '@/features/jobs/api/list-postings';

export function usePosting(id: string | undefined) {
  return useQuery({
    queryKey: [...postingsQueryKey, 'detail', id],
    queryFn: () => api.get<StaffJobPosting>(`/job-postings/${encodeURIComponent(id!)}`, { expected: true }),
    enabled: Boolean(id),
  });
}
