import { useQuery } from '@tanstack/react-query';
import type { PolicyVersion } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { policyDetailKey } from '@/features/policies/api/get-policy';

/** A saved version never changes, so it is cached for the session. */
export function usePolicyVersion(id: string, version: number | null) {
  return useQuery({
    queryKey: [...policyDetailKey(id), 'version', version],
    queryFn: () => api.get<PolicyVersion>(`/policies/${encodeURIComponent(id)}/versions/${version}`, { expected: true }),
    enabled: version !== null,
    staleTime: Infinity,
  });
}
