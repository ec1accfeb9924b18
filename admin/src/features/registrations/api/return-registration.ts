import type { reasonBodySchema } from '@anqian/shared';
import { postRegistration, useRegistrationMutation } from '@/features/registrations/api/registration-mutation';

export type ReasonBody = ReturnType<typeof reasonBodySchema.parse>;

/** The reason reaches the resident, who corrects the registration and submits it again. */
export const useReturnRegistration = () =>
  useRegistrationMutation(({ id, body }: { id: string; body: ReasonBody }) => postRegistration(id, 'return', body));
