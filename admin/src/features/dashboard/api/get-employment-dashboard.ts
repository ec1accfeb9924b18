import { useQuery } from '@tanstack/react-query';
import type { EmploymentDashboard } from '@anqian/shared';
import { api } from '@/lib/api-client';

export function useEmploymentDashboard() {
  return useQuery({
    queryKey: ['dashboard', 'employment'],
    queryFn: () => api.get<EmploymentDashboard>('/employment/dashboard', { expected: true }),
  });
}
