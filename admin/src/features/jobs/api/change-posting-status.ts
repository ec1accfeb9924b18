import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StaffJobPosting } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { postingsQueryKey } from '@/features/jobs/api/list-postings';

/** Publish (the texts go through WeChat's content check first) or close a posting. */
export function useChangePostingStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'publish' | 'close' }) =>
      api.post<StaffJobPosting>(`/job-postings/${encodeURIComponent(id)}/${action}`, undefined, action === 'publish' ? { expected: true } : undefined),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: postingsQueryKey }),
  });
}
