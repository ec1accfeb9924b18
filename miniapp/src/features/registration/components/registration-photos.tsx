import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { PhotoRef } from '@anqian/shared';
import { ActionButton } from '@/components/action-button';
import { Notice } from '@/components/notice';
import { download } from '@/lib/request';
import { useAction } from '@/lib/use-action';

/**
 * The household's photos, downloaded only when the resident asks: each can be megabytes, and the
 * signal is often weak. A tap on one opens WeChat's viewer.
 */
export function RegistrationPhotos({ photos }: { photos: PhotoRef[] }) {
  const [paths, setPaths] = useState<string[] | null>(null);
  const load = useAction(async () => setPaths(await Promise.all(photos.map((photo) => download(`/resident/photos/${encodeURIComponent(photo.id)}`)))));
  if (photos.length === 0) return null;

  return (
    <View className='rg-card'>
      <Text className='rg-card__title'>{`房屋照片（${photos.length} 张）`}</Text>
      {paths ? (
        <View className='rg-photos'>
          {paths.map((path, index) => (
            <View key={path} className='rg-photo' onClick={() => void Taro.previewImage({ urls: paths, current: path })}>
              <Image className='rg-photo__image' src={path} mode='aspectFill' ariaLabel={`照片 ${index + 1}`} />
            </View>
          ))}
        </View>
      ) : (
        <>
          {load.error ? <Notice tone='error'>{load.error}</Notice> : null}
          <ActionButton variant='secondary' loading={load.loading} onClick={() => void load.run()}>
            {load.loading ? '正在加载照片…' : '查看照片'}
          </ActionButton>
        </>
      )}
    </View>
  );
}
