import type { verifyBodySchema } from '@anqian/shared';
import { postRegistration, useRegistrationMutation } from '@/features/registrations/api/registration-mutation';

export type VerifyBody = ReturnType<typeof verifyBodySchema.parse>;

export const useVerifyRegistration = () =>
  useRegistrationMutation(({ id, body }: { id: string; body: VerifyBody }) => postRegistration(id, 'verify', body));
