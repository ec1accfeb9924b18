import { useQuery } from '@tanstack/react-query';
import type { Employer, Page } from '@anqian/shared';
import { api } from '@/lib/api-client';

/** Active employers to pick partners from (a course names a few at most). */
export function useEmployerOptions() {
  return useQuery({
    queryKey: ['training', 'options', 'employers'],
    queryFn: () => api.get<Page<Employer>>('/employers', { query: { status: 'active', pageSize: 100 }, expected: true }),
  });
}
