import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page, PolicySummary, StaffPolicyDetail } from '@anqian/shared';
import { api } from '@/lib/api-client';

const choicesKey = ['subsidy-rule-sets', 'policy-choices'] as const;

/** Citations must name a published document; searched on the server by title or document number. */
export function usePolicyChoices(q: string) {
  return useQuery({
    queryKey: [...choicesKey, 'search', q],
    queryFn: () => api.get<Page<PolicySummary>>('/policies', { query: { status: 'published', q: q || undefined, pageSize: 20 }, expected: true }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The title of a cited document, which may since have been archived and so be missing from the search. */
export function useCitedPolicy(id: string | undefined) {
  return useQuery({
    queryKey: [...choicesKey, 'cited', id],
    queryFn: () => api.get<StaffPolicyDetail>(`/policies/${encodeURIComponent(id!)}`, { expected: true }),
    enabled: !!id && /^[a-f\d]{24}$/i.test(id),
    staleTime: 5 * 60_000,
    select: (policy) => ({ id: policy.id, title: policy.title, documentNumber: policy.documentNumber, status: policy.status }),
  });
}
