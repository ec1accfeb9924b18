import type { acceptBodySchema } from '@anqian/shared';
import { postRegistration, useRegistrationMutation } from '@/features/registrations/api/registration-mutation';

export type AcceptBody = ReturnType<typeof acceptBodySchema.parse>;

export const useAcceptRegistration = () =>
  useRegistrationMutation(({ id, body }: { id: string; body: AcceptBody }) => postRegistration(id, 'accept', body));
