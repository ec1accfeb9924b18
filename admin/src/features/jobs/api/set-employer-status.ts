import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Employer } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { employersQueryKey } from '@/features/jobs/api/list-employers';

export function useSetEmployerStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'suspend' | 'activate' }) => api.post<Employer>(`/employers/${encodeURIComponent(id)}/${action}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: employersQueryKey }),
  });
}
