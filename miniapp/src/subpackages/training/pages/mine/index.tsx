import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { chinaDate, type ResidentTrainingApplication } from '@anqian/shared';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { EmptyState } from '@/components/empty-state';
import { LoadState } from '@/components/load-state';
import { ResidentGate } from '@/components/resident-gate';
import { Certificate } from '@/features/training/components/application-card';
import { attendanceText, nextSession, sessionWhen, statusNote, statusText, statusTone, TRAINING_CONSENT_WHY } from '@/features/training/course-display';
import { listMyApplications } from '@/features/training/training-api';
import { ROUTES } from '@/lib/routes';
import { useBackOnPage } from '@/lib/use-back-on-page';
import { useRemote } from '@/lib/use-remote';
import '@/features/training/components/training.scss';
import '@/styles/cards.scss';

export default function MyTrainingPage() {
  return (
    <PageShell>
      <ResidentGate why='登录后可以看到您和家里人报名的培训、出勤和证书。' consentWhy={TRAINING_CONSENT_WHY}>
        <MyTraining />
      </ResidentGate>
    </PageShell>
  );
}

function MyTraining() {
  const applications = useRemote(listMyApplications);
  useBackOnPage(applications.reload);
  return (
    <LoadState remote={applications} what='您报名的培训'>
      {(items) =>
        items.length === 0 ? (
          <View>
            <EmptyState title='还没有报名培训' description='在「技能培训」里选一个培训班报名，录取情况、出勤和证书都会显示在这里。' />
            <ActionButton onClick={() => void Taro.navigateTo({ url: ROUTES.training })}>看看培训班</ActionButton>
          </View>
        ) : (
          <View>
            {items.map((application) => (
              <ApplicationRow key={application.id} application={application} />
            ))}
          </View>
        )
      }
    </LoadState>
  );
}

function ApplicationRow({ application }: { application: ResidentTrainingApplication }) {
  const next = nextSession(application, chinaDate());
  const attendance = attendanceText(application);
  const open = () => void Taro.navigateTo({ url: `${ROUTES.trainingDetail}?id=${encodeURIComponent(application.course.id)}` });
  return (
    <View className='tr-row' onClick={open}>
      <View className='tr-row__top'>
        <Text className='tr-row__title'>{application.course.title}</Text>
        <Text className={`tr-pill tr-pill--${statusTone(application.status)}`}>{statusText(application)}</Text>
      </View>
      <Text className='tr-row__meta'>{`报名人：${application.name}（${application.relation}）`}</Text>
      <Text className='tr-row__meta'>{statusNote(application)}</Text>
      {next ? <Text className='tr-row__meta'>{`下次课：${sessionWhen(next)} ${next.topic}`}</Text> : null}
      {attendance ? <Text className='tr-row__meta'>{`出勤：${attendance}`}</Text> : null}
      {application.certificate ? <Certificate certificate={application.certificate} /> : null}
      <Text className='tr-row__more'>查看详情 ›</Text>
    </View>
  );
}
