import type { PhotoRef } from '@anqian/shared';
import { api } from '@/lib/api-client';

/** On-site visit photos: uploaded one by one, then sent as ids with the verification. */
export function uploadPhoto(file: File): Promise<PhotoRef> {
  const form = new FormData();
  form.append('file', file);
  return api.upload<PhotoRef>('/photos', form, { expected: true });
}

/** Same origin, so the session cookie authorises the image request. */
export const photoUrl = (id: string) => `/api/photos/${encodeURIComponent(id)}`;
