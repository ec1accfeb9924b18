import { postRegistration, useRegistrationMutation } from '@/features/registrations/api/registration-mutation';
import type { ReasonBody } from '@/features/registrations/api/return-registration';

/** The reason reaches the resident; the household may register again later. */
export const useRejectRegistration = () =>
  useRegistrationMutation(({ id, body }: { id: string; body: ReasonBody }) => postRegistration(id, 'reject', body));
