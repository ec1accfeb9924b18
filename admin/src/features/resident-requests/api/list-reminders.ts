import { useQuery } from '@tanstack/react-query';
import type { RequestReminder } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { requestsQueryKey } from '@/features/resident-requests/api/list-requests';

/** Requests assigned to me that are due by the next working day (stored by the daily job). */
export function useRequestReminders(enabled: boolean) {
  return useQuery({
    queryKey: [...requestsQueryKey, 'reminders'],
    queryFn: async () => (await api.get<{ items: RequestReminder[] }>('/resident-requests/reminders')).items,
    enabled,
  });
}
