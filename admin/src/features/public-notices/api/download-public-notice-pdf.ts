import { useMutation } from '@tanstack/react-query';
import { api, saveFile } from '@/lib/api-client';

/** The server's A4 PDF of a notice; 503 PDF_FONT_MISSING when it has no Chinese font (the page says so and offers 打印). */
export function useDownloadPublicNoticePdf() {
  return useMutation({
    mutationFn: ({ id, title }: { id: string; title: string }) =>
      api.download(`/public-notices/${encodeURIComponent(id)}/pdf`, `${title}.pdf`, { expected: true }),
    onSuccess: saveFile,
  });
}
