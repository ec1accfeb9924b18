import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Site, SiteBody } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { sitesQueryKey } from '@/features/sites/api/list-sites';

export function useCreateSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SiteBody) => api.post<Site>('/sites', body, { expected: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sitesQueryKey }),
  });
}
