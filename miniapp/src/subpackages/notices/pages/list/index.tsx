import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { EmptyState } from '@/components/empty-state';
import { Notice } from '@/components/notice';
import { VillagePicker } from '@/components/village-picker';
import { SignInPrompt } from '@/components/sign-in-prompt';
import { NoticeRow } from '@/features/public-notices/components/notice-row';
import { listPublicNotices } from '@/features/public-notices/public-notices-api';
import { TownshipPhone } from '@/features/township-contact/components/township-phone';
import { useSession } from '@/lib/auth';
import { divisionName } from '@/lib/division-names';
import { useDivisionTree } from '@/lib/division-tree';
import { ROUTES } from '@/lib/routes';
import { useRemote } from '@/lib/use-remote';
import '@/styles/cards.scss';

export default function PublicNoticesPage() {
  const { signedIn } = useSession();
  return <PageShell className='rg-page'>{signedIn ? <Notices /> : <SignInPrompt />}</PageShell>;
}

function Notices() {
  const [villageCode, setVillageCode] = useState('');
  const [picking, setPicking] = useState(false);
  const load = useCallback(() => listPublicNotices(villageCode || undefined), [villageCode]);
  const notices = useRemote(load);
  const divisions = useDivisionTree();

  return (
    <View>
      <View className='rg-card'>
        <Text className='rg-card__text'>
          {villageCode
            ? `正在看：${divisionName(divisions.data, villageCode) ?? '所选村'}的公示`
            : '正在看：您登记过的村的公示'}
        </Text>
        {picking ? (
          <VillagePicker
            onPick={(code) => {
              setVillageCode(code);
              setPicking(false);
            }}
          />
        ) : (
          <View className='rg-card__actions'>
            <ActionButton variant='secondary' onClick={() => setPicking(true)}>
              选择其他村
            </ActionButton>
            {villageCode ? (
              <ActionButton variant='secondary' onClick={() => setVillageCode('')}>
                看我登记的村
              </ActionButton>
            ) : null}
          </View>
        )}
      </View>

      {notices.loading && !notices.data ? <EmptyState title='正在加载…' description='正在读取公示公告，请稍候。' /> : null}
      {notices.error ? (
        <Notice tone='error' actionText='重试' onAction={notices.reload}>
          {`公示公告没有加载出来：${notices.error}`}
        </Notice>
      ) : null}
      {notices.data && !notices.error ? (
        notices.data.length === 0 ? (
          <EmptyState
            title='暂无公示'
            description={villageCode ? '这个村目前没有搬迁公示。' : '您登记过的村目前没有搬迁公示。也可以选择其他村查看。'}
          />
        ) : (
          notices.data.map((notice) => (
            <NoticeRow
              key={notice.id}
              notice={notice}
              onOpen={() => Taro.navigateTo({ url: `${ROUTES.noticeDetail}?id=${encodeURIComponent(notice.id)}` })}
            />
          ))
        )
      ) : null}
      <TownshipPhone villageCode={villageCode || undefined} />
    </View>
  );
}
