import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CourseBody, StaffCourse, UpdateCourseBody } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { trainingQueryKey } from '@/features/training/api/list-courses';

export function useSaveCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: null; body: CourseBody } | { id: string; body: UpdateCourseBody }) =>
      input.id === null
        ? api.post<StaffCourse>('/training/courses', input.body, { expected: true })
        : api.patch<StaffCourse>(`/training/courses/${encodeURIComponent(input.id)}`, input.body, { expected: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingQueryKey }),
  });
}
