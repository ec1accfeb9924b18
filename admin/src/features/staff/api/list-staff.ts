import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page, StaffRole, StaffUser } from '@anqian/shared';
import { api } from '@/lib/api-client';

export type StaffListParams = {
  page: number;
  pageSize: number;
  q?: string;
  role?: StaffRole;
  status?: StaffUser['status'];
  divisionCode?: string;
};

export const staffQueryKey = ['staff'] as const;

export function useStaffList(params: StaffListParams) {
  return useQuery({
    queryKey: [...staffQueryKey, 'list', params],
    // The page shows failures inline with a retry button.
    queryFn: () => api.get<Page<StaffUser>>('/staff', { query: params, expected: true }),
    placeholderData: keepPreviousData,
  });
}
