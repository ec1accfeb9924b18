import { useQuery } from '@tanstack/react-query';
import type { NoticePeriodRule } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { publicNoticesQueryKey } from '@/features/public-notices/api/list-public-notices';

/** Today on the server's calendar (China's date) and the county's shortest notice period. */
export function useNoticePeriodRule() {
  return useQuery({
    queryKey: [...publicNoticesQueryKey, 'period-rule'],
    queryFn: () => api.get<NoticePeriodRule>('/public-notices/period-rule', { expected: true }),
    // The date moves at midnight; a form left open overnight then offers the new day.
    staleTime: 60_000,
  });
}
