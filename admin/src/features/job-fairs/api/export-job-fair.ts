import { useMutation } from '@tanstack/react-query';
import { api, saveFile } from '@/lib/api-client';

export function useExportJobFair() {
  return useMutation({
    mutationFn: ({ id, title }: { id: string; title: string }) => api.download(`/job-fairs/${encodeURIComponent(id)}/export`, `${title}-报名签到表.xlsx`),
    onSuccess: saveFile,
  });
}
