import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Site, UpdateSiteBody } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { sitesQueryKey } from '@/features/sites/api/list-sites';

export function useUpdateSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateSiteBody }) =>
      api.patch<Site>(`/sites/${encodeURIComponent(id)}`, body, { expected: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sitesQueryKey }),
  });
}
