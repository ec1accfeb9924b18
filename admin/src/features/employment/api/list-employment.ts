import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EmploymentFilter, EmploymentHousehold, Page, ZeroEmploymentList } from '@anqian/shared';
import { api } from '@/lib/api-client';

export const employmentQueryKey = ['employment'] as const;

export type EmploymentListParams = Partial<EmploymentFilter> & { page: number; pageSize: number };

const query = ({ zeroEmployment, ...params }: EmploymentListParams) => ({ ...params, zeroEmployment: zeroEmployment === undefined ? undefined : String(zeroEmployment) });

export function useEmploymentList(params: EmploymentListParams, enabled: boolean) {
  return useQuery({
    queryKey: [...employmentQueryKey, 'list', params],
    queryFn: () => api.get<Page<EmploymentHousehold>>('/employment/households', { query: query(params), expected: true }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useZeroEmployment(params: EmploymentListParams, enabled: boolean) {
  return useQuery({
    queryKey: [...employmentQueryKey, 'zero', params],
    queryFn: () => api.get<ZeroEmploymentList>('/employment/zero-employment', { query: query(params), expected: true }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
