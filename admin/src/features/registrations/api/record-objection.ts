import type { objectionBodySchema } from '@anqian/shared';
import { postRegistration, useRegistrationMutation } from '@/features/registrations/api/registration-mutation';

export type ObjectionBody = ReturnType<typeof objectionBodySchema.parse>;

export const useRecordObjection = () =>
  useRegistrationMutation(({ id, body }: { id: string; body: ObjectionBody }) => postRegistration(id, 'objections', body));
