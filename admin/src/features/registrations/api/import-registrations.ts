import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LedgerImportJob } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { ledgerImportJobKey, recentLedgerImportsKey } from '@/features/registrations/api/ledger-import-jobs';

/** The server checks the file, answers at once with the running job and imports the rows in the background. */
export function useImportRegistrations() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      // The dialog shows a refused file itself.
      return api.upload<LedgerImportJob>('/registrations/import', form, { expected: true });
    },
    onSuccess: (job) => {
      // Seeded so the progress shows at once, and so the poll sees the job go from running to ended.
      queryClient.setQueryData(ledgerImportJobKey(job.id), job);
      void queryClient.invalidateQueries({ queryKey: recentLedgerImportsKey });
    },
  });
}
