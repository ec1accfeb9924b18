import type { internalNoteBodySchema } from '@anqian/shared';
import { postRegistration, useRegistrationMutation } from '@/features/registrations/api/registration-mutation';

export type NoteBody = ReturnType<typeof internalNoteBodySchema.parse>;

/** Notes stay inside the admin console; the resident never sees them. */
export const useAddNote = () =>
  useRegistrationMutation(({ id, body }: { id: string; body: NoteBody }) => postRegistration(id, 'notes', body));
