import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback } from 'react';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { EmptyState } from '@/components/empty-state';
import { LoadState } from '@/components/load-state';
import { Notice } from '@/components/notice';
import { ResidentGate } from '@/components/resident-gate';
import { ANNOUNCEMENTS_CONSENT_WHY } from '@/features/announcements/announcement-display';
import { openAnnouncement } from '@/features/announcements/announcements-api';
import { AnnouncementContent } from '@/features/announcements/components/announcement-content';
import { ROUTES } from '@/lib/routes';
import { useRemote } from '@/lib/use-remote';
import '@/features/announcements/components/announcements.scss';

/** Also where a hazard_alert subscribe message lands (`?id=`), possibly with nothing under it. */
export default function AnnouncementDetailPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <ResidentGate why='登录后才能查看发给您所在村的通知。' consentWhy={ANNOUNCEMENTS_CONSENT_WHY}>
        {params.id ? <Detail id={params.id} /> : <Notice tone='error'>没有指定要查看的通知。</Notice>}
      </ResidentGate>
    </PageShell>
  );
}

function toList() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: ROUTES.announcements });
}

function Detail({ id }: { id: string }) {
  const load = useCallback(() => openAnnouncement(id), [id]);
  const opened = useRemote(load);
  return (
    <LoadState remote={opened} what='这条通知'>
      {(shown) =>
        shown.gone ? (
          <View>
            <EmptyState title='这条通知看不到了' description='它已经被撤回，或者不是发给您所在的村的。' />
            <ActionButton variant='secondary' onClick={toList}>
              看看其他通知
            </ActionButton>
          </View>
        ) : (
          <AnnouncementContent announcement={shown.announcement} />
        )
      }
    </LoadState>
  );
}
