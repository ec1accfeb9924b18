import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { JobApplicationStatus, Page, StaffJobApplication } from '@anqian/shared';
import { api } from '@/lib/api-client';

export const applicationsQueryKey = ['job-applications'] as const;

export function useApplicationList(postingId: string, params: { page: number; pageSize: number; status?: JobApplicationStatus }) {
  return useQuery({
    queryKey: [...applicationsQueryKey, postingId, params],
    queryFn: () => api.get<Page<StaffJobApplication>>(`/job-postings/${encodeURIComponent(postingId)}/applications`, { query: params, expected: true }),
    placeholderData: keepPreviousData,
  });
}
