import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect } from 'react';
import {
  FOOD_AND_LODGING_LABELS,
  JOB_CATEGORY_LABELS,
  JOB_POSTING_CLOSED_REASON_LABELS,
  type JobPosting,
  type ResidentJobApplication,
} from '@anqian/shared';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { Notice } from '@/components/notice';
import { StatusPill } from '@/features/jobs/components/application-progress';
import { LoadState } from '@/components/load-state';
import { JOBS_CONSENT_WHY } from '@/features/jobs/application-display';
import { ResidentGate } from '@/components/resident-gate';
import { applyTo, getPosting, getResume, listMyApplications } from '@/features/jobs/jobs-api';
import { askForMessages, prefetchSubscribeTemplates } from '@/lib/subscribe';
import { ROUTES } from '@/lib/routes';
import { useAction } from '@/lib/use-action';
import { useRemote } from '@/lib/use-remote';
import '@/features/jobs/components/jobs.scss';
import { useBackOnPage } from '@/lib/use-back-on-page';
import '@/styles/cards.scss';

export default function JobDetailPage() {
  const { params } = useRouter();
  return <PageShell>{params.id ? <Detail id={params.id} /> : <Notice tone='error'>没有指定要查看的岗位。</Notice>}</PageShell>;
}

function Detail({ id }: { id: string }) {
  const load = useCallback(() => getPosting(id), [id]);
  const posting = useRemote(load);
  return (
    <LoadState remote={posting} what='岗位信息'>
      {(shown) => (
        <View>
          <PostingFacts posting={shown} />
          <ResidentGate why='登录后，点一下就能用您的求职信息投递这个岗位。' consentWhy={JOBS_CONSENT_WHY}>
            <ApplyCard posting={shown} />
          </ResidentGate>
          <PostingText posting={shown} />
        </View>
      )}
    </LoadState>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='jb-fact'>
      <Text className='jb-fact__label'>{label}</Text>
      <Text className='jb-fact__value'>{value}</Text>
    </View>
  );
}

function PostingFacts({ posting }: { posting: JobPosting }) {
  const { requirements } = posting;
  return (
    <View className='rg-card'>
      <Text className='jb-detail__title'>{posting.title}</Text>
      <Text className='jb-row__pay'>{posting.payLabel}</Text>
      <View className='jb-badges'>
        {posting.priorityRelocated ? <Text className='jb-badge jb-badge--warm'>优先招搬迁群众</Text> : null}
        <Text className='jb-badge'>{JOB_CATEGORY_LABELS[posting.category]}</Text>
      </View>
      <Fact label='用工单位' value={posting.employerName} />
      <Fact label='工作地点' value={posting.workplaceName} />
      <Fact label='工作时间' value={posting.hours} />
      <Fact label='吃住' value={FOOD_AND_LODGING_LABELS[posting.foodAndLodging]} />
      {posting.transport ? <Fact label='交通' value={posting.transport} /> : null}
      <Fact label='年龄' value={`${requirements.ageMin}-${requirements.ageMax} 岁`} />
      {requirements.skills.length > 0 ? <Fact label='会这些' value={requirements.skills.join('、')} /> : null}
      <Fact label='招聘人数' value={`${posting.headcount} 人${posting.hired > 0 ? `（已录用 ${posting.hired} 人）` : ''}`} />
      <Fact label='截止日期' value={posting.closingDate.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')} />
    </View>
  );
}

function PostingText({ posting }: { posting: JobPosting }) {
  return (
    <View>
      {posting.description || posting.requirements.other ? (
        <View className='rg-card'>
          <Text className='rg-card__title'>岗位说明</Text>
          {posting.description ? <Text className='rg-card__text'>{posting.description}</Text> : null}
          {posting.requirements.other ? <Text className='rg-card__text'>{`其他要求：${posting.requirements.other}`}</Text> : null}
        </View>
      ) : null}
      <View className='rg-card'>
        <Text className='rg-card__title'>用工单位</Text>
        <Text className='rg-card__text'>{posting.employer.name}</Text>
        <Text className='rg-card__text'>{`行业：${posting.employer.industry}`}</Text>
        <Text className='rg-card__text'>{`地址：${posting.employer.address}`}</Text>
        <Text className='rg-card__text'>单位电话在您被邀请面试后显示在「我的求职」里。</Text>
      </View>
    </View>
  );
}

type Mine = { hasResume: boolean; application: ResidentJobApplication | null };

/** What the resident already did for this posting: the button follows from it. */
function ApplyCard({ posting }: { posting: JobPosting }) {
  const load = useCallback(async (): Promise<Mine> => {
    const [answer, applications] = await Promise.all([getResume(), listMyApplications()]);
    const application = applications.find((item) => item.posting.id === posting.id && item.status !== 'withdrawn') ?? null;
    return { hasResume: answer.resume !== null, application };
  }, [posting.id]);
  const mine = useRemote(load);
  useBackOnPage(mine.reload);
  useEffect(() => void prefetchSubscribeTemplates(), []);

  const openApplication = (application: ResidentJobApplication) =>
    Taro.navigateTo({ url: `${ROUTES.jobApplication}?id=${encodeURIComponent(application.id)}` });
  const apply = useAction(
    useCallback(async () => {
      // WeChat shows the subscribe prompt only inside the tap, before anything else is awaited.
      await askForMessages(['job_application_status']);
      const application = await applyTo(posting.id);
      mine.setData({ hasResume: true, application });
      await openApplication(application);
    }, [mine, posting.id]),
  );

  const open = posting.status === 'published';
  return (
    <View className='rg-card'>
      <LoadState remote={mine} what='您的求职信息'>
        {({ hasResume, application }) => {
          if (application) {
            return (
              <View>
                <View className='jb-row__top'>
                  <Text className='rg-card__title'>您已投递这个岗位</Text>
                  <StatusPill application={application} />
                </View>
                <Text className='rg-card__text'>{application.nextStep}</Text>
                <ActionButton onClick={() => void openApplication(application)}>查看投递进度</ActionButton>
              </View>
            );
          }
          if (!open) {
            const reason = posting.closedReason ? `（${JOB_POSTING_CLOSED_REASON_LABELS[posting.closedReason]}）` : '';
            return <Notice tone='warning'>{`这个岗位已停止招聘${reason}，可以看看其他岗位。`}</Notice>;
          }
          if (!hasResume) {
            return (
              <View>
                <Text className='rg-card__title'>先填求职信息</Text>
                <Text className='rg-card__text'>填一次就行，以后每个岗位点一下就能投递。填好后会回到这里。</Text>
                <ActionButton onClick={() => void Taro.navigateTo({ url: `${ROUTES.resume}?from=apply` })}>去填求职信息</ActionButton>
              </View>
            );
          }
          return (
            <View>
              <Text className='rg-card__title'>想做这份工作？</Text>
              <Text className='rg-card__text'>点下面的按钮，就会把您的求职信息发给人社局，他们会帮您联系单位。</Text>
              {apply.error ? <Notice tone='error'>{apply.error}</Notice> : null}
              <ActionButton loading={apply.loading} onClick={() => void apply.run()}>
                {apply.loading ? '正在投递…' : '投递'}
              </ActionButton>
              <ActionButton variant='secondary' onClick={() => void Taro.navigateTo({ url: ROUTES.resume })}>
                看看或修改我的求职信息
              </ActionButton>
            </View>
          );
        }}
      </LoadState>
    </View>
  );
}
