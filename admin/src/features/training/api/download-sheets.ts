import { useMutation } from '@tanstack/react-query';
import { api, saveFile } from '@/lib/api-client';

export function useDownloadSignInSheet() {
  return useMutation({
    mutationFn: ({ id, title }: { id: string; title: string }) => api.download(`/training/courses/${encodeURIComponent(id)}/sign-in-sheet`, `${title}-签到表.xlsx`),
    onSuccess: saveFile,
  });
}

/** `full` asks for whole ID numbers; the server answers 403 to accounts without the export permission. */
export function useDownloadSubsidyRoster() {
  return useMutation({
    mutationFn: ({ id, title, full }: { id: string; title: string; full: boolean }) =>
      api.download(`/training/courses/${encodeURIComponent(id)}/subsidy-roster`, `${title}-培训补贴申领花名册.xlsx`, { query: { full: String(full) }, expected: true }),
    onSuccess: saveFile,
  });
}
