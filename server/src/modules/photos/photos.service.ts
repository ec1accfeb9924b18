import type { Connection } from 'mongoose';
import type { PhotoRef } from '@anqian/shared';

export type PhotoOwner = { kind: 'resident' | 'staff'; id: string };

/** Contract for the registrations module; the photos helper implements it (issue 3). */
export function createPhotosService(_deps: { connection: Connection; uploadDir: string }) {
  return {
    /**
     * Checks that every id is a photo `owner` uploaded and binds them to `divisionCode` so staff of
     * that area may view them. Throws 400 VALIDATION_FAILED naming `field` for an unknown or foreign id.
     */
    async attach(_input: { ids: string[]; owner: PhotoOwner; divisionCode: string; field: string }): Promise<void> {
      throw new Error('photos.attach: not implemented yet');
    },
    async refs(_ids: string[]): Promise<PhotoRef[]> {
      throw new Error('photos.refs: not implemented yet');
    },
  };
}

export type PhotosService = ReturnType<typeof createPhotosService>;
