import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import { formatTicketCode, normalizeTicketCode, type ResidentJobFairSignup } from '@anqian/shared';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { EmptyState } from '@/components/empty-state';
import { Notice } from '@/components/notice';
import { LoadState } from '@/components/load-state';
import { QrCode } from '@/features/job-fairs/components/qr-code';
import { FAIRS_CONSENT_WHY, fairWhen } from '@/features/job-fairs/fair-display';
import { formatChinaTime } from '@/lib/format-date';
import { ResidentGate } from '@/components/resident-gate';
import { mySignup } from '@/features/job-fairs/job-fairs-api';
import { ROUTES } from '@/lib/routes';
import { useRemote } from '@/lib/use-remote';
import '@/features/job-fairs/components/job-fairs.scss';
import '@/styles/cards.scss';

/** `?id=<fairId>`: the day-before reminder opens this page; keep its path. */
export default function TicketPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <ResidentGate why='登录后才能看到您的电子票。' consentWhy={FAIRS_CONSENT_WHY}>
        {params.id ? <Ticket fairId={params.id} /> : <Notice tone='error'>没有指定是哪场招聘会的电子票。</Notice>}
      </ResidentGate>
    </PageShell>
  );
}

function Ticket({ fairId }: { fairId: string }) {
  const load = useCallback(() => mySignup(fairId), [fairId]);
  const signup = useRemote(load);
  return (
    <LoadState remote={signup} what='电子票'>
      {({ signup: shown }) =>
        shown ? (
          <TicketView signup={shown} />
        ) : (
          <View>
            <EmptyState title='还没有报名这场招聘会' description='报名后，电子票会显示在这里。' />
            <ActionButton onClick={() => void Taro.redirectTo({ url: `${ROUTES.jobFairDetail}?id=${encodeURIComponent(fairId)}` })}>去报名</ActionButton>
          </View>
        )
      }
    </LoadState>
  );
}

function TicketView({ signup }: { signup: ResidentJobFairSignup }) {
  const { fair, ticket } = signup;
  const usable = signup.status === 'confirmed' && ticket && fair.phase !== 'cancelled' && fair.phase !== 'ended';
  return (
    <View>
      <View className='jf-ticket'>
        <Text className='jf-ticket__title'>{fair.title}</Text>
        <Text className='jf-ticket__name'>{signup.name}</Text>
        {signup.checkedInAt ? <Text className='jf-checked'>{`✓ 已签到（${formatChinaTime(signup.checkedInAt, { withYear: false })}）`}</Text> : null}
        {usable ? (
          <View>
            <QrCode payload={ticket.qr} />
            <Text className='jf-ticket__hint'>进场时请工作人员扫码；扫不了就念票号：</Text>
            <Text className='jf-ticket__code'>{formatTicketCode(normalizeTicketCode(ticket.code))}</Text>
          </View>
        ) : null}
      </View>
      {signup.status === 'cancelled' ? <Notice tone='warning'>您已取消报名，这张电子票不能再用。</Notice> : null}
      {signup.status === 'waitlisted' ? <Notice tone='info'>您还在候补中，补上名额后这里会显示电子票。</Notice> : null}
      {fair.phase === 'cancelled' ? <Notice tone='warning'>{`这场招聘会已取消${fair.cancelReason ? `：${fair.cancelReason}` : '。'}`}</Notice> : null}
      {fair.phase === 'ended' ? <Notice tone='info'>这场招聘会已经结束。</Notice> : null}
      <View className='rg-card'>
        <View className='jf-fact'>
          <Text className='jf-fact__label'>时间</Text>
          <Text className='jf-fact__value'>{fairWhen(fair)}</Text>
        </View>
        <View className='jf-fact'>
          <Text className='jf-fact__label'>地点</Text>
          <Text className='jf-fact__value'>{fair.venue}</Text>
        </View>
        <View className='jf-fact'>
          <Text className='jf-fact__label'>主办单位</Text>
          <Text className='jf-fact__value'>{fair.organiser}</Text>
        </View>
        <Text className='rg-card__text'>这张票只能用于这一场招聘会，只能签到一次。请不要把截图发给别人。</Text>
      </View>
      <ActionButton variant='secondary' onClick={() => void Taro.navigateTo({ url: `${ROUTES.jobFairDetail}?id=${encodeURIComponent(fair.id)}` })}>
        查看招聘会详情
      </ActionButton>
    </View>
  );
}
