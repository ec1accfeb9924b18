import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StaffTrainingApplication } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { trainingQueryKey } from '@/features/training/api/list-courses';

export function useDecideApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: string; decision: 'admit' | 'reject' | 'remove'; reason?: string }) =>
      api.post<StaffTrainingApplication>(`/training/applications/${encodeURIComponent(id)}/${decision}`, decision === 'admit' ? undefined : { reason }, { expected: true }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: trainingQueryKey }),
  });
}

export function useAdmitPending(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ admitted: number; waitlisted: number }>(`/training/courses/${encodeURIComponent(courseId)}/admit-pending`, undefined, { expected: true }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: trainingQueryKey }),
  });
}
