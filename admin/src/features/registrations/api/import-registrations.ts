import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LedgerImportReport } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { registrationsQueryKey } from '@/features/registrations/api/list-registrations';

export function useImportRegistrations() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      // The dialog shows a refused file itself.
      return api.upload<LedgerImportReport>('/registrations/import', form, { expected: true });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: registrationsQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
