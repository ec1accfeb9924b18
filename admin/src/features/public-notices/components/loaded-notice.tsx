import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { PublicNotice } from '@anqian/shared';
import { DetailLoadError } from '@/components/detail-load-error';
import { FullPageSpin } from '@/components/full-page-spin';

/** A notice page's loading and error states; `children` draws the notice once it is there. */
export function LoadedNotice({ notice, children }: { notice: UseQueryResult<PublicNotice>; children: (notice: PublicNotice) => ReactNode }) {
  if (notice.isPending) return <FullPageSpin />;
  if (notice.isError) {
    return (
      <DetailLoadError
        error={notice.error}
        onRetry={() => void notice.refetch()}
        errorTitle="公示加载失败"
        notFound={{ title: '公示不存在', subTitle: '这期公示不存在，或不涉及您的管辖范围。', backTo: '/public-notices', backLabel: '返回公示列表' }}
      />
    );
  }
  return children(notice.data);
}
