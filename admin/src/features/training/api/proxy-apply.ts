import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegistrationList, ResidentTrainingApplication, TrainingMemberChoice } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { trainingQueryKey } from '@/features/training/api/list-courses';

/** Households of the caller's area to apply for, found by the head's name or the last 4 of the ID number. */
export function useAreaHouseholds(q: string) {
  return useQuery({
    queryKey: ['training', 'proxy', 'households', q],
    queryFn: () => api.get<RegistrationList>('/registrations', { query: { q: q || undefined, pageSize: 20 }, expected: true }),
    placeholderData: keepPreviousData,
  });
}

export function useAreaMembers(courseId: string, registrationId: string | undefined) {
  return useQuery({
    queryKey: ['training', 'proxy', 'members', courseId, registrationId],
    queryFn: () => api.get<{ items: TrainingMemberChoice[] }>(`/training/courses/${encodeURIComponent(courseId)}/members`, { query: { registrationId }, expected: true }),
    enabled: Boolean(registrationId),
  });
}

export function useProxyApply(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { registrationId: string; memberKey: string }) =>
      api.post<ResidentTrainingApplication>(`/training/courses/${encodeURIComponent(courseId)}/applications`, body, { expected: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingQueryKey }),
  });
}
