import Taro from '@tarojs/taro';
import { MAX_PHOTO_BYTES, type PhotoRef } from '@anqian/shared';
import { upload } from '@/lib/request';

export type ChosenImage = { path: string; size: number };

/** A photo uploaded for a form: the server's id, and the local copy to show until it is sent. */
export type PhotoDraft = { id: string; localPath: string; size: number };

/** Images picked on the phone; the server checks type and size again. */
export async function chooseImages(count: number): Promise<ChosenImage[]> {
  const { tempFiles } = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  return tempFiles.map((file) => ({ path: file.path, size: file.size }));
}

/** 兆, not MB: the unit residents hear when they buy phone data. */
export const PHOTO_LIMIT_TEXT = `${MAX_PHOTO_BYTES / 1024 / 1024} 兆`;
export const PHOTO_TOO_LARGE_MESSAGE = `照片太大（超过 ${PHOTO_LIMIT_TEXT}），请换一张或重新拍一张`;

export function isTooLarge(image: ChosenImage): boolean {
  return image.size > MAX_PHOTO_BYTES;
}

export function uploadPhoto(path: string, onProgress: (percent: number) => void): Promise<PhotoRef> {
  return upload<PhotoRef>('/resident/photos', path, { name: 'file', onProgress });
}

/** Chosen-and-cancelled is not an error worth a message. */
export function isCancel(error: unknown): boolean {
  const message = (error as { errMsg?: string } | null)?.errMsg ?? '';
  return /cancel/i.test(message);
}
