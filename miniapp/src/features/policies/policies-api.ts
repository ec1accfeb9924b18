import type { Page, PolicyDetail, PolicySummary, PolicyVersion } from '@anqian/shared';
import { download, request } from '@/lib/request';
import { policyListPath, type PolicyFilter } from './policy-query';

// Published policies are public, so no token; the pages show their own error with 重试, so no
// extra retry dialog on top.
const quiet = { auth: false, retryPrompt: false } as const;

export function listPolicies(filter: PolicyFilter, page: number): Promise<Page<PolicySummary>> {
  return request<Page<PolicySummary>>(policyListPath(filter, page), quiet);
}

export function getPolicy(id: string): Promise<PolicyDetail> {
  return request<PolicyDetail>(`/resident/policies/${encodeURIComponent(id)}`, quiet);
}

export function getPolicyVersion(id: string, version: number): Promise<PolicyVersion> {
  return request<PolicyVersion>(`/resident/policies/${encodeURIComponent(id)}/versions/${version}`, quiet);
}

/** A local file path on WeChat, a blob URL on H5. */
export function downloadAttachment(id: string): Promise<string> {
  return download(`/resident/policy-attachments/${encodeURIComponent(id)}`);
}
