import type { approveBodySchema } from '@anqian/shared';
import { postRegistration, useRegistrationMutation } from '@/features/registrations/api/registration-mutation';

export type ApproveBody = ReturnType<typeof approveBodySchema.parse>;

export const useApproveRegistration = () =>
  useRegistrationMutation(({ id, body }: { id: string; body: ApproveBody }) => postRegistration(id, 'approve', body));
