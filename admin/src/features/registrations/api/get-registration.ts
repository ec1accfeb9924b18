import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegistrationDetail } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { registrationsQueryKey } from '@/features/registrations/api/list-registrations';

export const registrationDetailKey = (id: string) => [...registrationsQueryKey, 'detail', id] as const;

export function useRegistration(id: string) {
  return useQuery({
    queryKey: registrationDetailKey(id),
    queryFn: () => api.get<RegistrationDetail>(`/registrations/${encodeURIComponent(id)}`, { expected: true }),
  });
}

/**
 * Every staff action answers with the updated detail: show it at once, and let lists (status
 * counts, the dashboard) refetch.
 */
export function useStoreRegistration() {
  const queryClient = useQueryClient();
  return (detail: RegistrationDetail) => {
    queryClient.setQueryData(registrationDetailKey(detail.id), detail);
    void queryClient.invalidateQueries({ queryKey: [...registrationsQueryKey, 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    // An approval takes a place at a site.
    void queryClient.invalidateQueries({ queryKey: ['sites'] });
  };
}
