import { useMutation } from '@tanstack/react-query';
import type { CreatePolicyBody, StaffPolicyDetail } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { useStorePolicy } from '@/features/policies/api/get-policy';

export function useCreatePolicy() {
  const store = useStorePolicy();
  return useMutation({
    mutationFn: (body: CreatePolicyBody) => api.post<StaffPolicyDetail>('/policies', body, { expected: true }),
    onSuccess: store,
  });
}
