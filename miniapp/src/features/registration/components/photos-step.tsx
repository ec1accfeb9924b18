import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MAX_PHOTOS } from '@anqian/shared';
import { ActionButton } from '@/components/action-button';
import { Notice } from '@/components/notice';
import { chooseImages, isCancel, PHOTO_LIMIT_TEXT } from '@/lib/photos';
import type { PendingPhoto, usePhotoUploads } from '@/lib/use-photo-uploads';
import type { FormApi } from '../use-registration-form';

type Props = { form: FormApi; uploads: ReturnType<typeof usePhotoUploads> };

export function PhotosStep({ form, uploads }: Props) {
  const { draft, update, errorOf } = form;
  const [chooseError, setChooseError] = useState<string | null>(null);
  const room = MAX_PHOTOS - draft.photos.length - uploads.pending.filter((item) => !item.error).length;

  const choose = async () => {
    setChooseError(null);
    try {
      await uploads.add(await chooseImages(room));
    } catch (error) {
      if (!isCancel(error)) setChooseError('没能打开相册或相机，请检查微信是否允许使用相机和相册。');
    }
  };

  const removeUploaded = (id: string) =>
    update((current) => ({ ...current, photos: current.photos.filter((photo) => photo.id !== id) }));

  return (
    <View>
      <Notice tone='info'>
        {`可以拍房屋外观、墙体裂缝、屋后山坡等，方便工作人员了解情况。最多 ${MAX_PHOTOS} 张，每张不超过 ${PHOTO_LIMIT_TEXT}。没有照片也可以提交。`}
      </Notice>
      {chooseError ? <Notice tone='error'>{chooseError}</Notice> : null}
      {errorOf('photoIds') ? <Notice tone='error'>{errorOf('photoIds')}</Notice> : null}

      <View className='rg-photos'>
        {draft.photos.map((photo, index) => (
          <View key={photo.id} className='rg-photo'>
            <LocalImage path={photo.localPath} label={`照片 ${index + 1}`} />
            <Text className='rg-photo__status'>已上传</Text>
            <View className='rg-photo__remove' onClick={() => removeUploaded(photo.id)}>
              <Text>删除</Text>
            </View>
          </View>
        ))}
        {uploads.pending.map((item) => (
          <PendingTile key={item.key} item={item} onRetry={() => uploads.retry(item)} onRemove={() => uploads.remove(item.key)} />
        ))}
      </View>

      {room > 0 ? (
        <ActionButton variant='secondary' onClick={() => void choose()}>
          {`添加照片（还可以加 ${room} 张）`}
        </ActionButton>
      ) : (
        <Notice tone='info'>{`已经有 ${MAX_PHOTOS} 张照片了。要换一张，请先删除一张。`}</Notice>
      )}
    </View>
  );
}

function PendingTile({ item, onRetry, onRemove }: { item: PendingPhoto; onRetry: () => void; onRemove: () => void }) {
  return (
    <View className='rg-photo'>
      <LocalImage path={item.path} label='照片' />
      {item.error ? (
        <>
          <Text className='rg-photo__status rg-photo__status--error'>{item.error}</Text>
          {item.canRetry ? (
            <View className='rg-photo__remove rg-photo__retry' onClick={onRetry}>
              <Text>重试</Text>
            </View>
          ) : null}
          <View className='rg-photo__remove' onClick={onRemove}>
            <Text>移除</Text>
          </View>
        </>
      ) : (
        <>
          <Text className='rg-photo__status'>{`正在上传 ${item.progress}%`}</Text>
          <View className='rg-photo__bar'>
            <View className='rg-photo__bar-fill' style={{ width: `${item.progress}%` }} />
          </View>
        </>
      )}
    </View>
  );
}

/**
 * The picture from the phone itself. After the app restarts the temporary file may be gone (always
 * on H5), so the tile falls back to its name; the photo is safe on the server either way.
 */
function LocalImage({ path, label }: { path: string; label: string }) {
  const [broken, setBroken] = useState(false);
  if (!path || broken) {
    return (
      <View className='rg-photo__placeholder'>
        <Text>{label}</Text>
      </View>
    );
  }
  return <Image className='rg-photo__image' src={path} mode='aspectFill' onError={() => setBroken(true)} />;
}
