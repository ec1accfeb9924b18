import { useMutation } from '@tanstack/react-query';
import { api, saveFile } from '@/lib/api-client';

export function useDownloadImportTemplate() {
  return useMutation({
    mutationFn: () => api.download('/registrations/import-template', '搬迁登记台账模板.xlsx'),
    onSuccess: saveFile,
  });
}
