import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry, Page } from '@anqian/shared';
import { api } from '@/lib/api-client';

export type AuditLogParams = {
  page: number;
  pageSize: number;
  actor?: string;
  action?: string;
  result?: AuditEntry['result'];
  /** ISO timestamps. */
  from?: string;
  to?: string;
};

export function useAuditLogs(params: AuditLogParams) {
  return useQuery({
    queryKey: ['audit-logs', params],
    // The page shows failures inline with a retry button.
    queryFn: () => api.get<Page<AuditEntry>>('/audit-logs', { query: params, expected: true }),
    placeholderData: keepPreviousData,
  });
}
