import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RegistrationList } from '@anqian/shared';
import { api } from '@/lib/api-client';

type Params = { page: number; pageSize: number; divisionCode?: string; q?: string };

/** Households verified on site and not yet on a notice: the candidates for a new one. */
export function useVerifiedRegistrations(params: Params) {
  return useQuery({
    queryKey: ['registrations', 'list', { ...params, status: 'verified', purpose: 'notice' }],
    queryFn: () =>
      api.get<RegistrationList>('/registrations', {
        query: { ...params, status: 'verified', sort: 'submittedAt' },
        expected: true,
      }),
    placeholderData: keepPreviousData,
  });
}
