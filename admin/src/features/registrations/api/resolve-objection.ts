import type { resolveObjectionBodySchema } from '@anqian/shared';
import { postRegistration, useRegistrationMutation } from '@/features/registrations/api/registration-mutation';

export type ResolveObjectionBody = ReturnType<typeof resolveObjectionBodySchema.parse>;

export const useResolveObjection = () =>
  useRegistrationMutation(({ id, objectionId, body }: { id: string; objectionId: string; body: ResolveObjectionBody }) =>
    postRegistration(id, `objections/${encodeURIComponent(objectionId)}/resolve`, body),
  );
