import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListCoursesQuery, Page, StaffCourse } from '@anqian/shared';
import { api } from '@/lib/api-client';

export const trainingQueryKey = ['training'] as const;

export function useCourseList(params: Partial<ListCoursesQuery> & Pick<ListCoursesQuery, 'page' | 'pageSize'>) {
  return useQuery({
    queryKey: [...trainingQueryKey, 'list', params],
    queryFn: () => api.get<Page<StaffCourse>>('/training/courses', { query: params, expected: true }),
    placeholderData: keepPreviousData,
  });
}
