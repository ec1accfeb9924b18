import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import { dialNumber, type ResidentJobApplication } from '@anqian/shared';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { Notice } from '@/components/notice';
import { ApplicationHistory, ApplicationSteps, StatusPill } from '@/features/jobs/components/application-progress';
import { LoadState } from '@/components/load-state';
import { JOBS_CONSENT_WHY } from '@/features/jobs/application-display';
import { ResidentGate } from '@/components/resident-gate';
import { getMyApplication, withdrawApplication } from '@/features/jobs/jobs-api';
import { confirmDialog } from '@/lib/dialog';
import { ROUTES } from '@/lib/routes';
import { useAction } from '@/lib/use-action';
import { useRemote } from '@/lib/use-remote';
import '@/features/jobs/components/jobs.scss';
import '@/styles/cards.scss';

/** The page job_application_status subscribe messages open (`?id=`): keep its path. */
export default function ApplicationPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <ResidentGate why='登录后可以看到这份投递的进度和人社局的回复。' consentWhy={JOBS_CONSENT_WHY}>
        {params.id ? <Application id={params.id} /> : <Notice tone='error'>没有指定要查看的投递。</Notice>}
      </ResidentGate>
    </PageShell>
  );
}

function Application({ id }: { id: string }) {
  const load = useCallback(() => getMyApplication(id), [id]);
  const application = useRemote(load);
  return <LoadState remote={application} what='这份投递'>{(shown) => <ApplicationView application={shown} onChange={application.setData} />}</LoadState>;
}

function ApplicationView({ application, onChange }: { application: ResidentJobApplication; onChange: (application: ResidentJobApplication) => void }) {
  const withdraw = useAction(
    useCallback(async () => {
      const confirmed = await confirmDialog({
        title: '撤回投递',
        content: `撤回后人社局不再处理您对“${application.posting.title}”的投递。岗位还在招聘时可以再投。`,
        confirmText: '撤回',
      });
      if (confirmed) onChange(await withdrawApplication(application.id));
    }, [application.id, application.posting.title, onChange]),
  );
  const { posting, employerContact } = application;

  return (
    <View>
      <View className='rg-card'>
        <View className='jb-row__top'>
          <Text className='jb-row__title'>{posting.title}</Text>
          <StatusPill application={application} />
        </View>
        <Text className='jb-row__meta'>{`${posting.employerName} · ${posting.workplaceName}`}</Text>
        <Text className='jb-row__meta'>{posting.payLabel}</Text>
        <ApplicationSteps application={application} />
        {application.nextStep ? <Text className='rg-card__text'>{application.nextStep}</Text> : null}
        {application.message ? <Text className='jb-message'>{`人社局留言：${application.message}`}</Text> : null}
      </View>

      {employerContact ? (
        <View className='rg-card'>
          <Text className='rg-card__title'>单位联系人</Text>
          <Text className='rg-card__text'>{`${employerContact.name}：${employerContact.phone}`}</Text>
          <ActionButton onClick={() => void Taro.makePhoneCall({ phoneNumber: dialNumber(employerContact.phone) }).catch(() => undefined)}>
            {`拨打 ${employerContact.phone}`}
          </ActionButton>
        </View>
      ) : null}

      {application.status === 'withdrawn' ? <Notice tone='info'>您已撤回这份投递。</Notice> : null}

      <View className='rg-card'>
        <Text className='rg-card__title'>办理记录</Text>
        <ApplicationHistory timeline={application.timeline} />
      </View>

      <ActionButton variant='secondary' onClick={() => void Taro.navigateTo({ url: `${ROUTES.jobDetail}?id=${encodeURIComponent(posting.id)}` })}>
        查看岗位
      </ActionButton>
      {withdraw.error ? <Notice tone='error'>{withdraw.error}</Notice> : null}
      {application.canWithdraw ? (
        <ActionButton variant='danger' loading={withdraw.loading} onClick={() => void withdraw.run()}>
          {withdraw.loading ? '正在撤回…' : '撤回投递'}
        </ActionButton>
      ) : null}
    </View>
  );
}
