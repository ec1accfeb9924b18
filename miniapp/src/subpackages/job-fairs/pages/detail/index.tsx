import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { attendeeNameSchema, type JobFair, type ResidentJobFairSignup } from '@anqian/shared';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { TextField } from '@/components/form-fields';
import { Notice } from '@/components/notice';
import { PhasePill, Places } from '@/features/job-fairs/components/fair-row';
import { LoadState } from '@/components/load-state';
import { canCancel, closedReason, FAIRS_CONSENT_WHY, fairWhen, holdsPlace } from '@/features/job-fairs/fair-display';
import { ResidentGate } from '@/components/resident-gate';
import { cancelSignup, getFair, mySignup, signUp } from '@/features/job-fairs/job-fairs-api';
import { askForMessages, prefetchSubscribeTemplates } from '@/lib/subscribe';
import { confirmDialog } from '@/lib/dialog';
import { ROUTES } from '@/lib/routes';
import { useAction } from '@/lib/use-action';
import { useRemote, type Remote } from '@/lib/use-remote';
import '@/features/job-fairs/components/job-fairs.scss';
import { useBackOnPage } from '@/lib/use-back-on-page';
import '@/styles/cards.scss';

export default function JobFairDetailPage() {
  const { params } = useRouter();
  return <PageShell>{params.id ? <Detail id={params.id} /> : <Notice tone='error'>没有指定要查看的招聘会。</Notice>}</PageShell>;
}

function Detail({ id }: { id: string }) {
  const load = useCallback(() => getFair(id), [id]);
  const fair = useRemote(load);
  return (
    <LoadState remote={fair} what='招聘会信息'>
      {(shown) => (
        <View>
          <Facts fair={shown} />
          <ResidentGate why='登录后可以报名，报名后会拿到进场用的电子票。' consentWhy={FAIRS_CONSENT_WHY}>
            <SignupCard fair={shown} fairRemote={fair} />
          </ResidentGate>
          <Participants fair={shown} />
        </View>
      )}
    </LoadState>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='jf-fact'>
      <Text className='jf-fact__label'>{label}</Text>
      <Text className='jf-fact__value'>{value}</Text>
    </View>
  );
}

function Facts({ fair }: { fair: JobFair }) {
  return (
    <View className='rg-card'>
      <View className='jf-row__top'>
        <Text className='jf-detail__title'>{fair.title}</Text>
        <PhasePill fair={fair} />
      </View>
      <Fact label='时间' value={fairWhen(fair)} />
      <Fact label='地点' value={fair.venue} />
      <Fact label='主办单位' value={fair.organiser} />
      <Places fair={fair} />
      {fair.description ? <Text className='rg-card__text'>{fair.description}</Text> : null}
    </View>
  );
}

function Participants({ fair }: { fair: JobFair }) {
  if (fair.employers.length === 0 && fair.postings.length === 0) return null;
  return (
    <View className='rg-card'>
      <Text className='rg-card__title'>{`参会单位（${fair.employers.length} 家）`}</Text>
      {fair.employers.map((employer) => {
        const postings = fair.postings.filter((posting) => posting.employerName === employer.name);
        return (
          <View key={employer.id} className='jf-employer'>
            <Text className='jf-employer__name'>{employer.name}</Text>
            {postings.length === 0 ? <Text className='rg-card__text'>到现场了解招聘岗位</Text> : null}
            {postings.map((posting) => (
              <View
                key={posting.id}
                className='jf-posting'
                onClick={() => void Taro.navigateTo({ url: `${ROUTES.jobDetail}?id=${encodeURIComponent(posting.id)}` })}
              >
                <Text>{posting.title}</Text>
                <Text>看岗位 ›</Text>
              </View>
            ))}
          </View>
        );
      })}
    </View>
  );
}

function SignupCard({ fair, fairRemote }: { fair: JobFair; fairRemote: Remote<JobFair> }) {
  const load = useCallback(() => mySignup(fair.id), [fair.id]);
  const mine = useRemote(load);
  useBackOnPage(mine.reload);
  useEffect(() => void prefetchSubscribeTemplates(), []);

  return (
    <View className='rg-card'>
      <LoadState remote={mine} what='您的报名'>
        {({ signup }) =>
          signup && holdsPlace(signup) ? (
            <SignedUp fair={fair} signup={signup} onCancelled={() => {
                mine.reload();
                fairRemote.reload();
              }} />
          ) : (
            <SignUpForm fair={fair} cancelledBefore={signup?.status === 'cancelled'} onFailed={fairRemote.reload} />
          )
        }
      </LoadState>
    </View>
  );
}

function SignedUp({ fair, signup, onCancelled }: { fair: JobFair; signup: ResidentJobFairSignup; onCancelled: () => void }) {
  const cancel = useAction(
    useCallback(async () => {
      const confirmed = await confirmDialog({
        title: '取消报名',
        content: '取消后电子票作废，名额会让给别人。招聘会开始前还有名额的话，可以再报名。',
        confirmText: '取消报名',
      });
      if (!confirmed) return;
      await cancelSignup(fair.id);
      onCancelled();
    }, [fair.id, onCancelled]),
  );
  return (
    <View>
      <Text className='rg-card__title'>{signup.checkedInAt ? '您已签到' : '您已报名'}</Text>
      <Text className='rg-card__text'>{`报名人：${signup.name}`}</Text>
      {signup.status === 'waitlisted' ? (
        <Text className='rg-card__text'>{`正在候补，排第 ${signup.waitlistPosition ?? '-'} 位。有人取消时会按顺序补上。`}</Text>
      ) : (
        <Text className='rg-card__text'>到了现场，把电子票给工作人员看一下就能进场。</Text>
      )}
      {signup.ticket ? (
        <ActionButton onClick={() => void Taro.navigateTo({ url: `${ROUTES.jobFairTicket}?id=${encodeURIComponent(fair.id)}` })}>查看电子票</ActionButton>
      ) : null}
      {cancel.error ? <Notice tone='error'>{cancel.error}</Notice> : null}
      {canCancel(fair, signup) ? (
        <ActionButton variant='danger' loading={cancel.loading} onClick={() => void cancel.run()}>
          {cancel.loading ? '正在取消…' : '取消报名'}
        </ActionButton>
      ) : null}
    </View>
  );
}

function SignUpForm({ fair, cancelledBefore, onFailed }: { fair: JobFair; cancelledBefore: boolean; onFailed: () => void }) {
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const submit = useAction(
    useCallback(
      async (attendee: string) => {
        // WeChat shows the subscribe prompt only inside the tap, before anything else is awaited.
        await askForMessages(['event_reminder']);
        try {
          await signUp(fair.id, attendee);
        } catch (error) {
          onFailed();
          throw error;
        }
        await Taro.navigateTo({ url: `${ROUTES.jobFairTicket}?id=${encodeURIComponent(fair.id)}` });
      },
      [fair.id, onFailed],
    ),
  );

  const reason = closedReason(fair);
  if (reason) return <Notice tone='warning'>{reason}</Notice>;

  const tap = () => {
    const parsed = attendeeNameSchema.safeParse(name);
    if (!parsed.success) {
      setNameError(parsed.error.issues[0]?.message);
      return;
    }
    setNameError(undefined);
    void submit.run(parsed.data);
  };
  return (
    <View>
      <Text className='rg-card__title'>报名参加</Text>
      <Text className='rg-card__text'>
        {cancelledBefore ? '您取消过报名，还有名额时可以重新报名。' : '报名后会拿到电子票；招聘会前一天会提醒您。'}
      </Text>
      <TextField label='姓名' required value={name} onChange={setName} placeholder='请输入参加人的姓名' maxlength={20} error={nameError} />
      {submit.error ? <Notice tone='error'>{submit.error}</Notice> : null}
      <ActionButton loading={submit.loading} onClick={tap}>
        {submit.loading ? '正在报名…' : '报名'}
      </ActionButton>
    </View>
  );
}
