import { useMutation } from '@tanstack/react-query';
import type { RegistrationFilter } from '@anqian/shared';
import { api, saveFile } from '@/lib/api-client';

type Vars = { filter: Partial<RegistrationFilter>; full: boolean };

/** The server audits every export with its filter and row count; full ID numbers need a permission. */
export function useExportRegistrations() {
  return useMutation({
    mutationFn: ({ filter, full }: Vars) =>
      api.download('/registrations/export', full ? '搬迁登记台账（完整信息）.xlsx' : '搬迁登记台账.xlsx', {
        query: { ...filter, full: full ? 'true' : undefined },
      }),
    onSuccess: saveFile,
  });
}
