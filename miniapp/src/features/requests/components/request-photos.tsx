import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { PhotoRef } from '@anqian/shared';
import { Notice } from '@/components/notice';
import { download } from '@/lib/request';
import { useAction } from '@/lib/use-action';
import './requests.scss';

/**
 * The request's photos: the resident's own, a few at most, so they load with the page. A tap opens
 * WeChat's viewer.
 */
export function RequestPhotos({ photos }: { photos: PhotoRef[] }) {
  const [paths, setPaths] = useState<string[] | null>(null);
  // A reload of the request (coming back from WeChat's viewer) brings the same photos as new objects.
  const ids = photos.map((photo) => photo.id).join(',');
  const load = useAction(
    useCallback(async () => {
      const list = ids ? ids.split(',') : [];
      setPaths(await Promise.all(list.map((id) => download(`/resident/photos/${encodeURIComponent(id)}`))));
    }, [ids]),
  );
  const { run } = load;
  useEffect(() => {
    if (ids) void run();
  }, [ids, run]);
  if (photos.length === 0) return null;

  return (
    <View className='rg-card'>
      <Text className='rg-card__title'>{`照片（${photos.length} 张）`}</Text>
      {paths ? (
        <View className='rq-photos'>
          {paths.map((path, index) => (
            <View key={path} className='rq-photo' onClick={() => void Taro.previewImage({ urls: paths, current: path })}>
              <Image className='rq-photo__image' src={path} mode='aspectFill' ariaLabel={`照片 ${index + 1}，点一下看大图`} />
            </View>
          ))}
        </View>
      ) : load.error ? (
        <Notice tone='error' actionText='重试' onAction={() => void run()}>{`照片没有加载出来：${load.error}`}</Notice>
      ) : (
        <Text className='rg-card__text'>正在加载照片…</Text>
      )}
    </View>
  );
}
