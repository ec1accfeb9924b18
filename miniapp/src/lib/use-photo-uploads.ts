import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '@/lib/request';
import { isTooLarge, PHOTO_TOO_LARGE_MESSAGE, type PhotoDraft, uploadPhoto, type ChosenImage } from './photos';

/** A photo on its way to the server, or one that did not make it (with the reason). */
export type PendingPhoto = {
  key: string;
  path: string;
  progress: number;
  error: string | null;
  canRetry: boolean;
};

let counter = 0;

/**
 * Uploads one photo at a time: on a weak signal parallel uploads only make every one of them slow.
 * Finished photos leave this list and go into the draft through `onUploaded`.
 */
export function usePhotoUploads(onUploaded: (photo: PhotoDraft) => void) {
  const [pending, setPending] = useState<PendingPhoto[]>([]);
  const uploaded = useRef(onUploaded);
  useEffect(() => {
    uploaded.current = onUploaded;
  }, [onUploaded]);

  const patch = useCallback((key: string, change: Partial<PendingPhoto>) => {
    setPending((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const send = useCallback(
    async (key: string, path: string) => {
      patch(key, { progress: 0, error: null });
      try {
        const photo = await uploadPhoto(path, (progress) => patch(key, { progress }));
        setPending((list) => list.filter((item) => item.key !== key));
        uploaded.current({ id: photo.id, localPath: path, size: photo.size });
      } catch (failure) {
        patch(key, { error: `上传失败：${errorMessage(failure)}`, canRetry: true });
      }
    },
    [patch],
  );

  const add = useCallback(
    async (images: ChosenImage[]) => {
      const items = images.map((image) => {
        counter += 1;
        const tooLarge = isTooLarge(image);
        return {
          key: `photo-${counter}`,
          path: image.path,
          progress: 0,
          error: tooLarge ? PHOTO_TOO_LARGE_MESSAGE : null,
          canRetry: false,
        };
      });
      setPending((list) => [...list, ...items]);
      for (const item of items) {
        if (!item.error) await send(item.key, item.path);
      }
    },
    [send],
  );

  const retry = useCallback((item: PendingPhoto) => void send(item.key, item.path), [send]);
  const remove = useCallback((key: string) => setPending((list) => list.filter((item) => item.key !== key)), []);

  return { pending, add, retry, remove, busy: pending.some((item) => !item.error) };
}
