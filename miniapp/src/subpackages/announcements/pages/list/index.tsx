import Taro, { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ResidentAnnouncementPage } from '@anqian/shared';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { EmptyState } from '@/components/empty-state';
import { Notice } from '@/components/notice';
import { ResidentGate } from '@/components/resident-gate';
import { ANNOUNCEMENTS_CONSENT_WHY, areaText } from '@/features/announcements/announcement-display';
import { listAnnouncements } from '@/features/announcements/announcements-api';
import { AnnouncementRow } from '@/features/announcements/components/announcement-row';
import { ListSkeleton } from '@/components/list-skeleton';
import { usePagedList } from '@/lib/use-paged-list';
import { ROUTES } from '@/lib/routes';
import { useBackOnPage } from '@/lib/use-back-on-page';
import '@/features/announcements/components/announcements.scss';

export default function AnnouncementListPage() {
  return (
    <PageShell>
      <ResidentGate why='登录后可以看到您所在的村、乡镇和县里发的通知。' consentWhy={ANNOUNCEMENTS_CONSENT_WHY}>
        <Announcements />
      </ResidentGate>
    </PageShell>
  );
}

type Heading = Pick<ResidentAnnouncementPage, 'area' | 'unread'>;

const chooseArea = () => void Taro.navigateTo({ url: ROUTES.announcementArea });

function Announcements() {
  // The area and the unread count come with every page; the newest answer is the one shown.
  const [heading, setHeading] = useState<Heading | null>(null);
  const list = usePagedList('announcements', async (page) => {
    const result = await listAnnouncements(page);
    setHeading({ area: result.area, unread: result.unread });
    return result;
  });
  useReachBottom(list.loadMore);
  // Back from a notice (now read) or from choosing the village.
  useBackOnPage(list.reload);

  return (
    <View>
      {heading ? <AreaHeading heading={heading} /> : null}

      {list.initialLoading ? <ListSkeleton /> : null}
      {!list.initialLoading && !list.error && list.items.length === 0 ? (
        <EmptyState title='暂时没有通知' description='村里、乡镇和县里发了通知，会显示在这里。' />
      ) : null}
      {heading && heading.unread > 0 && list.items.length > 0 ? <Text className='an-summary'>{`有 ${heading.unread} 条通知您还没看，置顶和最新的在前`}</Text> : null}

      {list.items.map((announcement) => (
        <AnnouncementRow
          key={announcement.id}
          announcement={announcement}
          onOpen={() => void Taro.navigateTo({ url: `${ROUTES.announcementDetail}?id=${encodeURIComponent(announcement.id)}` })}
        />
      ))}

      {list.error ? (
        <Notice tone='error' actionText='重试' onAction={list.retry}>
          {`通知没有加载出来：${list.error}`}
        </Notice>
      ) : null}
      {list.hasMore && !list.error ? (
        <ActionButton variant='secondary' loading={list.loadingMore} onClick={list.loadMore}>
          {list.loadingMore ? '正在加载…' : '加载更多'}
        </ActionButton>
      ) : null}
      {!list.hasMore && list.items.length > 0 ? <Text className='an-end'>{`共 ${list.total} 条，已经到底了`}</Text> : null}
    </View>
  );
}

/** Whose notices these are; a resident without a household file chooses the village once. */
function AreaHeading({ heading }: { heading: Heading }) {
  const { area } = heading;
  if (!area) {
    return (
      <Notice tone='warning' actionText='选择所在的村' onAction={chooseArea}>
        您还没有选择所在的村，现在只能看到全县的通知。选好乡镇和村，本村、本乡镇的通知也会显示在这里。
      </Notice>
    );
  }
  return (
    <View className='an-area'>
      <View className='an-area__text'>
        <Text>{areaText(area)}</Text>
        <Text className='an-area__hint'>{area.source === 'household' ? '按您的搬迁登记' : '您选择的村'}</Text>
      </View>
      {area.source === 'chosen' ? (
        <ActionButton variant='secondary' onClick={chooseArea}>
          更换
        </ActionButton>
      ) : null}
    </View>
  );
}
