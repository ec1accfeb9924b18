import { useQuery } from '@tanstack/react-query';
import type { RegistrationDashboard } from '@anqian/shared';
import { api } from '@/lib/api-client';

export function useRegistrationDashboard(enabled: boolean) {
  return useQuery({
    queryKey: ['dashboard', 'registrations'],
    queryFn: () => api.get<RegistrationDashboard>('/dashboard/registrations', { expected: true }),
    enabled,
  });
}
