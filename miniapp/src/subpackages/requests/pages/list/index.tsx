import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { EmptyState } from '@/components/empty-state';
import { Notice } from '@/components/notice';
import { ResidentGate } from '@/components/resident-gate';
import { RequestRow } from '@/features/requests/components/request-row';
import { REQUESTS_CONSENT_WHY } from '@/features/requests/request-display';
import { useRequestList } from '@/features/requests/use-request-list';
import { ROUTES } from '@/lib/routes';
import { useBackOnPage } from '@/lib/use-back-on-page';
import '@/features/requests/components/requests.scss';

export default function MyRequestsPage() {
  return (
    <PageShell>
      <ResidentGate why='登录后可以向乡镇咨询、求助、反映问题，并查看乡镇的答复。' consentWhy={REQUESTS_CONSENT_WHY}>
        <MyRequests />
      </ResidentGate>
    </PageShell>
  );
}

const openNew = () => void Taro.navigateTo({ url: ROUTES.newRequest });

function MyRequests() {
  const list = useRequestList();
  useBackOnPage(list.refresh);

  if (!list.loaded) {
    return list.error ? (
      <Notice tone='error' actionText='重试' onAction={list.refresh}>{`您的诉求没有加载出来：${list.error}`}</Notice>
    ) : (
      <EmptyState title='正在加载…' description='正在读取您的诉求，请稍候。' />
    );
  }
  if (list.items.length === 0) {
    return (
      <View>
        <EmptyState title='还没有提交过诉求' description='有政策不清楚、生活有困难、房子要维修，都可以告诉乡镇，乡镇会答复您。' />
        <ActionButton onClick={openNew}>我要咨询求助</ActionButton>
      </View>
    );
  }
  return (
    <View>
      <ActionButton onClick={openNew}>我要咨询求助</ActionButton>
      <Text className='rq-count'>{`共 ${list.total} 件，最新的在前`}</Text>
      {list.items.map((request) => (
        <RequestRow key={request.id} request={request} />
      ))}
      {list.error ? <Notice tone='error' actionText='重试' onAction={list.loadMore}>{`没有加载出来：${list.error}`}</Notice> : null}
      {list.hasMore && !list.error ? (
        <ActionButton variant='secondary' loading={list.loading} onClick={list.loadMore}>
          {list.loading ? '正在加载…' : '加载更多'}
        </ActionButton>
      ) : null}
    </View>
  );
}
