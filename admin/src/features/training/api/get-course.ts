import { useQuery } from '@tanstack/react-query';
import type { CourseOutcomes, StaffCourse } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { trainingQueryKey } from '@/features/training/api/list-courses';

export function useCourse(id: string) {
  return useQuery({
    queryKey: [...trainingQueryKey, 'detail', id],
    queryFn: () => api.get<StaffCourse>(`/training/courses/${encodeURIComponent(id)}`, { expected: true }),
  });
}

export function useCourseOutcomes(id: string) {
  return useQuery({
    queryKey: [...trainingQueryKey, 'outcomes', id],
    queryFn: () => api.get<CourseOutcomes>(`/training/courses/${encodeURIComponent(id)}/outcomes`, { expected: true }),
  });
}
