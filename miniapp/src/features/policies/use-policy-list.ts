import type { PolicySummary } from '@anqian/shared';
import { usePagedList, type PagedList } from '@/lib/use-paged-list';
import { listPolicies } from './policies-api';
import { policyListPath, type PolicyFilter } from './policy-query';

/** Pages of the resident policy list for one filter; a new filter starts again from page 1. */
export function usePolicyList(category: PolicyFilter['category'], q: string): PagedList<PolicySummary> {
  return usePagedList(policyListPath({ category, q }, 1), (page) => listPolicies({ category, q }, page));
}
