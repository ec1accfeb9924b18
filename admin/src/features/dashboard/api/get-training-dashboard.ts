import { useQuery } from '@tanstack/react-query';
import type { TrainingDashboard } from '@anqian/shared';
import { api } from '@/lib/api-client';

export function useTrainingDashboard() {
  return useQuery({
    queryKey: ['dashboard', 'training'],
    queryFn: () => api.get<TrainingDashboard>('/dashboard/training', { expected: true }),
  });
}
