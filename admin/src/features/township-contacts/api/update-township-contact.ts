import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StaffTownshipContact } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { townshipContactsQueryKey } from '@/features/township-contacts/api/list-township-contacts';

/** Sets (or with null clears) a township's office phone; the server audits the change. */
export function useUpdateTownshipContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ townshipCode, officePhone }: { townshipCode: string; officePhone: string | null }) =>
      api.put<StaffTownshipContact>(`/township-contacts/${encodeURIComponent(townshipCode)}`, { officePhone }, { expected: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: townshipContactsQueryKey }),
  });
}
