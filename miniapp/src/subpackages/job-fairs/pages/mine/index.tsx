import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { SIGNUP_STATUS_LABELS, type ResidentJobFairSignup } from '@anqian/shared';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { EmptyState } from '@/components/empty-state';
import { FairRow } from '@/features/job-fairs/components/fair-row';
import { LoadState } from '@/components/load-state';
import { FAIRS_CONSENT_WHY } from '@/features/job-fairs/fair-display';
import { ResidentGate } from '@/components/resident-gate';
import { listMySignups } from '@/features/job-fairs/job-fairs-api';
import { ROUTES } from '@/lib/routes';
import { useRemote } from '@/lib/use-remote';
import '@/features/job-fairs/components/job-fairs.scss';
import { useBackOnPage } from '@/lib/use-back-on-page';

export default function MyJobFairsPage() {
  return (
    <PageShell>
      <ResidentGate why='登录后可以看到您报名的招聘会和电子票。' consentWhy={FAIRS_CONSENT_WHY}>
        <MyFairs />
      </ResidentGate>
    </PageShell>
  );
}

function badgeOf(signup: ResidentJobFairSignup): string {
  if (signup.checkedInAt) return '已签到';
  if (signup.fair.phase === 'cancelled') return '招聘会已取消';
  if (signup.fair.phase === 'ended') return '已结束';
  return SIGNUP_STATUS_LABELS[signup.status];
}

/** A confirmed ticket opens the ticket; anything else opens the fair, where the resident can act. */
function open(signup: ResidentJobFairSignup) {
  const route = signup.status === 'confirmed' && signup.ticket ? ROUTES.jobFairTicket : ROUTES.jobFairDetail;
  void Taro.navigateTo({ url: `${route}?id=${encodeURIComponent(signup.fair.id)}` });
}

function MyFairs() {
  const signups = useRemote(listMySignups);
  useBackOnPage(signups.reload);
  return (
    <LoadState remote={signups} what='您报名的招聘会'>
      {(items) =>
        items.length === 0 ? (
          <View>
            <EmptyState title='还没有报名招聘会' description='在「招聘会」里选一场报名，电子票会显示在这里。' />
            <ActionButton onClick={() => void Taro.navigateTo({ url: ROUTES.jobFairs })}>看看近期招聘会</ActionButton>
          </View>
        ) : (
          <View>
            {items.map((signup) => (
              <FairRow key={signup.id} fair={signup.fair} badge={badgeOf(signup)} onOpen={() => open(signup)} />
            ))}
          </View>
        )
      }
    </LoadState>
  );
}
