import type { keepRegistrationBodySchema } from '@anqian/shared';
import { postRegistration, useRegistrationMutation } from '@/features/registrations/api/registration-mutation';

export type KeepBody = ReturnType<typeof keepRegistrationBodySchema.parse>;

export const useKeepRegistration = () =>
  useRegistrationMutation(({ id, body }: { id: string; body: KeepBody }) => postRegistration(id, 'keep', body));
