import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Employer, EmployerBody, UpdateEmployerBody } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { employersQueryKey } from '@/features/jobs/api/list-employers';

/** Creates an employer, or changes the given fields of one (`id`). */
export function useSaveEmployer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: null; body: EmployerBody } | { id: string; body: UpdateEmployerBody }) =>
      input.id === null
        ? api.post<Employer>('/employers', input.body, { expected: true })
        : api.patch<Employer>(`/employers/${encodeURIComponent(input.id)}`, input.body, { expected: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: employersQueryKey }),
  });
}
