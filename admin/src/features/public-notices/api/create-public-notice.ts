import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedPublicNotice, CreatePublicNoticeBody } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { publicNoticesQueryKey } from '@/features/public-notices/api/list-public-notices';

/** Publishing moves every listed registration to "公示中", so registration views refetch too. */
export function useCreatePublicNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePublicNoticeBody) => api.post<CreatedPublicNotice>('/public-notices', body, { expected: true }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: publicNoticesQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['registrations'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
