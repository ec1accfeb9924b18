import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListPoliciesQuery, Page, PolicySummary } from '@anqian/shared';
import { api } from '@/lib/api-client';

export const policiesQueryKey = ['policies'] as const;

export function usePolicyList(params: Partial<ListPoliciesQuery> & Pick<ListPoliciesQuery, 'page' | 'pageSize'>) {
  return useQuery({
    queryKey: [...policiesQueryKey, 'list', params],
    // The page shows failures inline with a retry button.
    queryFn: () => api.get<Page<PolicySummary>>('/policies', { query: params, expected: true }),
    placeholderData: keepPreviousData,
  });
}
