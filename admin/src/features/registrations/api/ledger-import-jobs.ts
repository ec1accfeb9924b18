import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { LedgerImportJob, LedgerImportJobSummary } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { registrationsQueryKey } from '@/features/registrations/api/list-registrations';

const ledgerImportsQueryKey = ['registration-imports'] as const;
export const recentLedgerImportsKey = [...ledgerImportsQueryKey, 'recent'] as const;
export const ledgerImportJobKey = (id: string) => [...ledgerImportsQueryKey, 'job', id] as const;

/** How often an import still running is asked for its progress. */
const POLL_INTERVAL_MS = 1_000;

/** The caller's own ten most recent imports, newest first. */
export function useRecentLedgerImports() {
  return useQuery({
    queryKey: recentLedgerImportsKey,
    // The dialog shows a failure inline.
    queryFn: () => api.get<{ items: LedgerImportJobSummary[] }>('/registration-imports', { expected: true }),
    // Keeps the status of an import still running up to date while the list is on screen.
    refetchInterval: (query) => (query.state.data?.items.some((job) => job.status === 'running') ? POLL_INTERVAL_MS : false),
  });
}

/** One import, polled while it runs. */
export function useLedgerImportJob(id: string) {
  const queryClient = useQueryClient();
  const queryKey = ledgerImportJobKey(id);
  return useQuery({
    queryKey,
    queryFn: async () => {
      const job = await api.get<LedgerImportJob>(`/registration-imports/${encodeURIComponent(id)}`, { expected: true });
      const before = queryClient.getQueryData<LedgerImportJob>(queryKey);
      if (before?.status === 'running' && job.status !== 'running') refreshAfterImport(queryClient);
      return job;
    },
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_INTERVAL_MS : false),
  });
}

/** An import that has ended added households: lists, counts and the recent imports change. */
function refreshAfterImport(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: registrationsQueryKey });
  void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  void queryClient.invalidateQueries({ queryKey: recentLedgerImportsKey });
}
