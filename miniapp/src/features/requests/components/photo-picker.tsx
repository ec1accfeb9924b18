import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MAX_REQUEST_PHOTOS } from '@anqian/shared';
import { ActionButton } from '@/components/action-button';
import { Field } from '@/components/form-fields';
import { Notice } from '@/components/notice';
import { chooseImages, isCancel, PHOTO_LIMIT_TEXT, type PhotoDraft } from '@/lib/photos';
import type { PendingPhoto, usePhotoUploads } from '@/lib/use-photo-uploads';
import './requests.scss';

type Props = {
  photos: PhotoDraft[];
  uploads: ReturnType<typeof usePhotoUploads>;
  onRemove: (id: string) => void;
  error?: string;
};

/** Up to six photos, each uploaded as soon as it is chosen; a tap on an uploaded one shows it large. */
export function PhotoPicker({ photos, uploads, onRemove, error }: Props) {
  const [chooseError, setChooseError] = useState<string | null>(null);
  const room = MAX_REQUEST_PHOTOS - photos.length - uploads.pending.filter((item) => !item.error).length;
  const paths = photos.map((photo) => photo.localPath);

  const choose = async () => {
    setChooseError(null);
    try {
      await uploads.add(await chooseImages(room));
    } catch (failure) {
      if (!isCancel(failure)) setChooseError('没能打开相册或相机，请检查微信是否允许使用相机和相册。');
    }
  };

  return (
    <Field label='照片' hint={`可以不拍。最多 ${MAX_REQUEST_PHOTOS} 张，每张不超过 ${PHOTO_LIMIT_TEXT}。`} error={error}>
      {chooseError ? <Notice tone='error'>{chooseError}</Notice> : null}
      {photos.length + uploads.pending.length > 0 ? (
        <View className='rq-photos'>
          {photos.map((photo, index) => (
            <View key={photo.id} className='rq-photo'>
              <Image
                className='rq-photo__image'
                src={photo.localPath}
                mode='aspectFill'
                ariaLabel={`照片 ${index + 1}`}
                onClick={() => void Taro.previewImage({ urls: paths, current: photo.localPath })}
              />
              <Text className='rq-photo__status'>已上传</Text>
              <View className='rq-photo__action' onClick={() => onRemove(photo.id)}>
                <Text>删除</Text>
              </View>
            </View>
          ))}
          {uploads.pending.map((item) => (
            <PendingTile key={item.key} item={item} onRetry={() => uploads.retry(item)} onRemove={() => uploads.remove(item.key)} />
          ))}
        </View>
      ) : null}
      {room > 0 ? (
        <ActionButton variant='secondary' onClick={() => void choose()}>
          {photos.length === 0 ? '拍照或选照片' : `再加照片（还可以加 ${room} 张）`}
        </ActionButton>
      ) : (
        <Notice tone='info'>{`已经有 ${MAX_REQUEST_PHOTOS} 张照片了。要换一张，请先删除一张。`}</Notice>
      )}
    </Field>
  );
}

function PendingTile({ item, onRetry, onRemove }: { item: PendingPhoto; onRetry: () => void; onRemove: () => void }) {
  return (
    <View className='rq-photo'>
      <Image className='rq-photo__image' src={item.path} mode='aspectFill' />
      {item.error ? (
        <>
          <Text className='rq-photo__status rq-photo__status--error'>{item.error}</Text>
          {item.canRetry ? (
            <View className='rq-photo__action' onClick={onRetry}>
              <Text>重试</Text>
            </View>
          ) : null}
          <View className='rq-photo__action' onClick={onRemove}>
            <Text>移除</Text>
          </View>
        </>
      ) : (
        <Text className='rq-photo__status'>{`正在上传 ${item.progress}%`}</Text>
      )}
    </View>
  );
}
