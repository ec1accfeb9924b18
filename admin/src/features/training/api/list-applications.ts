import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TrainingApplicationList, TrainingApplicationStatus } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { trainingQueryKey } from '@/features/training/api/list-courses';

export const applicationsQueryKey = (courseId: string) => [...trainingQueryKey, 'applications', courseId] as const;

export function useApplications(courseId: string, params: { status?: TrainingApplicationStatus; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...applicationsQueryKey(courseId), params],
    queryFn: () => api.get<TrainingApplicationList>(`/training/courses/${encodeURIComponent(courseId)}/applications`, { query: params, expected: true }),
    placeholderData: keepPreviousData,
  });
}
