import { Flex, Image, Typography } from 'antd';
import type { PhotoRef } from '@anqian/shared';
import { photoUrl } from '@/features/registrations/api/upload-photo';

/** Thumbnails that open a full-size preview; images load with the session cookie. */
export function PhotoGallery({ photos, label }: { photos: PhotoRef[]; label: string }) {
  if (photos.length === 0) return <Typography.Text type="secondary">未上传照片</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <Flex gap={8} wrap>
        {photos.map((photo, index) => (
          <Image
            key={photo.id}
            src={photoUrl(photo.id)}
            alt={`${label}第 ${index + 1} 张`}
            width={96}
            height={96}
            style={{ objectFit: 'cover', borderRadius: 4 }}
          />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}
