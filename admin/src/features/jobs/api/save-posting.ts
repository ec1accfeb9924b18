import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatePostingBody, StaffJobPosting, UpdatePostingBody } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { postingsQueryKey } from '@/features/jobs/api/list-postings';

/** Creates a draft, or changes the given fields of a posting (`id`). */
export function useSavePosting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: null; body: CreatePostingBody } | { id: string; body: UpdatePostingBody }) =>
      input.id === null
        ? api.post<StaffJobPosting>('/job-postings', input.body, { expected: true })
        : api.patch<StaffJobPosting>(`/job-postings/${encodeURIComponent(input.id)}`, input.body, { expected: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: postingsQueryKey }),
  });
}
