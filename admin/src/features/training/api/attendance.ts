import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StaffTrainingApplication } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { applicationsQueryKey } from '@/features/training/api/list-applications';

export function useSetAttendance(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, session, present }: { id: string; session: number; present: boolean }) =>
      api.put<StaffTrainingApplication>(`/training/applications/${encodeURIComponent(id)}/attendance/${session}`, { present }, { expected: true }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: applicationsQueryKey(courseId) }),
  });
}

/** Refusals (already checked in, invalid ticket) are shown on the page, never as a toast. */
export function useSessionCheckIn(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ session, ticket }: { session: number; ticket: string }) =>
      api.post<StaffTrainingApplication>(`/training/courses/${encodeURIComponent(courseId)}/sessions/${session}/check-in`, { ticket }, { expected: true }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: applicationsQueryKey(courseId) }),
  });
}
