import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AssignRequestBody, ReplyRequestBody, StaffRequestDetail, TransferRequestBody } from '@anqian/shared';
import { api } from '@/lib/api-client';
import { requestQueryKey } from '@/features/resident-requests/api/get-request';
import { requestsQueryKey } from '@/features/resident-requests/api/list-requests';

/** What staff do to one request; every one answers with the updated request. */
export type RequestAct =
  | { action: 'assign'; body: AssignRequestBody }
  | { action: 'transfer'; body: TransferRequestBody }
  | { action: 'reply'; body: ReplyRequestBody }
  | { action: 'notes'; body: { text: string } }
  | { action: 'close'; body?: undefined };

export function useActOnRequest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (act: RequestAct) =>
      api.post<StaffRequestDetail>(`/resident-requests/${encodeURIComponent(id)}/${act.action}`, act.body, { expected: true }),
    onSuccess: (detail) => {
      queryClient.setQueryData(requestQueryKey(id), detail);
      void queryClient.invalidateQueries({ queryKey: requestsQueryKey, predicate: (query) => query.queryKey[1] !== 'detail' });
    },
  });
}
