import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { EmptyState } from '@/components/empty-state';
import { ApplicationSteps, StatusPill } from '@/features/jobs/components/application-progress';
import { LoadState } from '@/components/load-state';
import { JOBS_CONSENT_WHY } from '@/features/jobs/application-display';
import { formatChinaTime } from '@/lib/format-date';
import { ResidentGate } from '@/components/resident-gate';
import { listMyApplications } from '@/features/jobs/jobs-api';
import { ROUTES } from '@/lib/routes';
import { useRemote } from '@/lib/use-remote';
import '@/features/jobs/components/jobs.scss';
import { useBackOnPage } from '@/lib/use-back-on-page';

export default function MyApplicationsPage() {
  return (
    <PageShell>
      <ResidentGate why='登录后可以看到您投递过的岗位和人社局的回复。' consentWhy={JOBS_CONSENT_WHY}>
        <MyApplications />
      </ResidentGate>
    </PageShell>
  );
}

function MyApplications() {
  const applications = useRemote(listMyApplications);
  useBackOnPage(applications.reload);

  return (
    <LoadState remote={applications} what='您的求职记录'>
      {(items) =>
        items.length === 0 ? (
          <View>
            <EmptyState title='还没有投递过岗位' description='在「找工作」里看到合适的岗位，点「投递」，进度会显示在这里。' />
            <ActionButton onClick={() => void Taro.navigateTo({ url: ROUTES.jobs })}>去找工作</ActionButton>
          </View>
        ) : (
          <View>
            {items.map((application) => (
              <View
                key={application.id}
                className='jb-row'
                onClick={() => void Taro.navigateTo({ url: `${ROUTES.jobApplication}?id=${encodeURIComponent(application.id)}` })}
              >
                <View className='jb-row__top'>
                  <Text className='jb-row__title'>{application.posting.title}</Text>
                  <StatusPill application={application} />
                </View>
                <Text className='jb-row__meta'>{`${application.posting.employerName} · ${application.posting.payLabel}`}</Text>
                <Text className='jb-row__meta'>{`投递于 ${formatChinaTime(application.createdAt)}`}</Text>
                <ApplicationSteps application={application} />
                {application.message ? <Text className='jb-message'>{`人社局留言：${application.message}`}</Text> : null}
                <Text className='jb-row__more'>查看详情 ›</Text>
              </View>
            ))}
          </View>
        )
      }
    </LoadState>
  );
}
