import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EmploymentImportReport } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { employmentQueryKey } from '@/features/employment/api/list-employment';

/** Rows are checked and applied at once; the answer reports every row. */
export function useImportEmployment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      // The dialog shows a refused file itself.
      return api.upload<EmploymentImportReport>('/employment/import', form, { expected: true });
    },
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: employmentQueryKey }), queryClient.invalidateQueries({ queryKey: ['dashboard'] })]),
  });
}
