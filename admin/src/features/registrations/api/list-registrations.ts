import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListRegistrationsQuery, RegistrationList } from '@anqian/shared';
import { api } from '@/lib/api-client';

type RegistrationListParams = Partial<ListRegistrationsQuery> & Pick<ListRegistrationsQuery, 'page' | 'pageSize'>;

export const registrationsQueryKey = ['registrations'] as const;

export function useRegistrationList(params: RegistrationListParams) {
  return useQuery({
    queryKey: [...registrationsQueryKey, 'list', params],
    // The page shows failures inline with a retry button.
    queryFn: () => api.get<RegistrationList>('/registrations', { query: params, expected: true }),
    placeholderData: keepPreviousData,
  });
}
