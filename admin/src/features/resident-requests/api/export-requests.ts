import { useMutation } from '@tanstack/react-query';
import type { RequestFilter } from '@anqian/shared';
import { api, saveFile } from '@/lib/api-client';

/** The filtered inbox as .xlsx; the server records the export in the audit log. */
export function useExportRequests() {
  return useMutation({
    mutationFn: async (filter: Partial<RequestFilter>) => saveFile(await api.download('/resident-requests/export', '群众诉求.xlsx', { query: filter })),
  });
}
