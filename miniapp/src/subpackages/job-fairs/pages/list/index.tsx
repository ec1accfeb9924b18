import Taro, { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { EmptyState } from '@/components/empty-state';
import { Notice } from '@/components/notice';
import { FairRow } from '@/features/job-fairs/components/fair-row';
import { listFairs } from '@/features/job-fairs/job-fairs-api';
import { useSession } from '@/lib/auth';
import { ROUTES } from '@/lib/routes';
import '@/features/job-fairs/components/job-fairs.scss';
import { useBackOnPage } from '@/lib/use-back-on-page';
import { usePagedList } from '@/lib/use-paged-list';
import '@/styles/cards.scss';

/** Upcoming fairs are public: anyone can look; signing up needs sign-in. */
export default function JobFairListPage() {
  return (
    <PageShell>
      <Fairs />
    </PageShell>
  );
}

function Fairs() {
  const { signedIn } = useSession();
  const list = usePagedList('job-fairs', listFairs);
  useReachBottom(list.loadMore);
  useBackOnPage(list.reload);

  return (
    <View>
      <View className='rg-card'>
        <Text className='rg-card__text'>人社局每月都办招聘会，很多单位在现场招人。先在这里报名，到了现场出示电子票就能进场。</Text>
        {signedIn ? (
          <ActionButton variant='secondary' onClick={() => void Taro.navigateTo({ url: ROUTES.myJobFairs })}>
            我报名的招聘会
          </ActionButton>
        ) : null}
      </View>

      {list.initialLoading ? <EmptyState title='正在加载…' description='正在读取招聘会，请稍候。' /> : null}
      {!list.initialLoading && !list.error && list.items.length === 0 ? (
        <View>
          <EmptyState title='近期没有招聘会' description='人社局安排好下一场后会显示在这里。也可以先在「找工作」里看看岗位。' />
          <ActionButton variant='secondary' onClick={() => void Taro.navigateTo({ url: ROUTES.jobs })}>
            去找工作
          </ActionButton>
        </View>
      ) : null}

      {list.items.map((fair) => (
        <FairRow key={fair.id} fair={fair} onOpen={() => void Taro.navigateTo({ url: `${ROUTES.jobFairDetail}?id=${encodeURIComponent(fair.id)}` })} />
      ))}

      {list.error ? (
        <Notice tone='error' actionText='重试' onAction={list.retry}>
          {`${list.items.length > 0 ? '更多' : ''}招聘会没有加载出来：${list.error}`}
        </Notice>
      ) : null}
      {list.hasMore && !list.error ? (
        <ActionButton variant='secondary' loading={list.loadingMore} onClick={list.loadMore}>
          {list.loadingMore ? '正在加载…' : `加载更多（已显示 ${list.items.length} / ${list.total}）`}
        </ActionButton>
      ) : null}
    </View>
  );
}
