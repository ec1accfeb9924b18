import { useMutation } from '@tanstack/react-query';
import type { StaffPolicyDetail, UpdatePolicyBody } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { useStorePolicy } from '@/features/policies/api/get-policy';

export function useUpdatePolicy() {
  const store = useStorePolicy();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdatePolicyBody }) =>
      api.patch<StaffPolicyDetail>(`/policies/${encodeURIComponent(id)}`, body, { expected: true }),
    onSuccess: store,
  });
}
