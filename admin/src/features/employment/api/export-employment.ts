import { useMutation } from '@tanstack/react-query';
import type { EmploymentFilter } from '@anqian/shared';
import { api, saveFile } from '@/lib/api-client';

type Vars = { filter: Partial<EmploymentFilter>; full: boolean };

/** The server audits every export; full ID numbers (to fill in and import back) need the export permission. */
export function useExportEmployment() {
  return useMutation({
    mutationFn: ({ filter, full }: Vars) =>
      api.download('/employment/export', full ? '就业台账（完整身份证号）.xlsx' : '就业台账.xlsx', {
        query: { ...filter, zeroEmployment: filter.zeroEmployment ? 'true' : undefined, full: full ? 'true' : undefined },
      }),
    onSuccess: saveFile,
  });
}
