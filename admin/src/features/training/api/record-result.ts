import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ResultBody, StaffTrainingApplication } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { trainingQueryKey } from '@/features/training/api/list-courses';

export function useRecordResult() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ResultBody }) =>
      api.put<StaffTrainingApplication>(`/training/applications/${encodeURIComponent(id)}/result`, body, { expected: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingQueryKey }),
  });
}

export function useRecordHired() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, hired, employerName }: { id: string; hired: boolean; employerName: string }) =>
      api.put<StaffTrainingApplication>(`/training/applications/${encodeURIComponent(id)}/hired`, { hired, employerName }, { expected: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingQueryKey }),
  });
}
