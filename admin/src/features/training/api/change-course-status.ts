import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CourseAction, StaffCourse } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { trainingQueryKey } from '@/features/training/api/list-courses';

/** publish, close, start, finish, or cancel with a reason. */
export function useCourseAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: CourseAction; reason?: string }) =>
      api.post<StaffCourse>(`/training/courses/${encodeURIComponent(id)}/${action}`, action === 'cancel' ? { reason } : undefined, { expected: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingQueryKey }),
  });
}
