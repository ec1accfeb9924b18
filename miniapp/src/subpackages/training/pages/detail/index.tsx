import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { Course, ResidentTrainingApplication, TrainingMemberChoice } from '@anqian/shared';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { CheckRow } from '@/components/check-row';
import { LoadState } from '@/components/load-state';
import { Notice } from '@/components/notice';
import { ResidentGate } from '@/components/resident-gate';
import { ApplicationCard } from '@/features/training/components/application-card';
import { Places } from '@/features/training/components/course-row';
import {
  closedReason,
  completionRuleText,
  costText,
  courseDates,
  dayLabel,
  eligibilityLines,
  householdFacts,
  isActive,
  memberVerdict,
  placeText,
  sessionWhen,
  TRAINING_CONSENT_WHY,
  type HouseholdFacts,
} from '@/features/training/course-display';
import { applyForCourse, getCourse, listMemberChoices, listMyApplications, listMyRegistrations, withdrawApplication } from '@/features/training/training-api';
import { classNames } from '@/lib/class-names';
import { confirmDialog } from '@/lib/dialog';
import { ROUTES } from '@/lib/routes';
import { askForMessages, prefetchSubscribeTemplates } from '@/lib/subscribe';
import { useAction } from '@/lib/use-action';
import { useBackOnPage } from '@/lib/use-back-on-page';
import { useRemote, type Remote } from '@/lib/use-remote';
import '@/features/training/components/training.scss';
import '@/styles/cards.scss';

/** Opened from the list, and by the training_status and reminder messages (`?id=<courseId>`). */
export default function TrainingDetailPage() {
  const { params } = useRouter();
  return <PageShell>{params.id ? <Detail id={params.id} /> : <Notice tone='error'>没有指定要查看的培训班。</Notice>}</PageShell>;
}

function Detail({ id }: { id: string }) {
  const load = useCallback(() => getCourse(id), [id]);
  const course = useRemote(load);
  return (
    <LoadState remote={course} what='培训班信息'>
      {(shown) => (
        <View>
          <Facts course={shown} />
          <ResidentGate why='登录后可以为自己或家里人报名，并查看录取情况。' consentWhy={TRAINING_CONSENT_WHY}>
            <MyPart course={shown} courseRemote={course} />
          </ResidentGate>
          <Schedule course={shown} />
          <Partners course={shown} />
          <View className='rg-card'>
            <Text className='rg-card__title'>谁可以报名</Text>
            {eligibilityLines(shown).map((line) => (
              <Text key={line} className='tr-line'>
                {line}
              </Text>
            ))}
            <Text className='rg-card__title tr-subtitle'>怎样算结业</Text>
            <Text className='tr-line'>{completionRuleText(shown)}</Text>
          </View>
          {shown.description ? (
            <View className='rg-card'>
              <Text className='rg-card__title'>培训内容</Text>
              <Text className='rg-card__text'>{shown.description}</Text>
            </View>
          ) : null}
        </View>
      )}
    </LoadState>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='tr-fact'>
      <Text className='tr-fact__label'>{label}</Text>
      <Text className='tr-fact__value'>{value}</Text>
    </View>
  );
}

function Facts({ course }: { course: Course }) {
  return (
    <View className='rg-card'>
      <View className='tr-row__top'>
        <Text className='tr-detail__title'>{course.title}</Text>
        <Text className={classNames('tr-pill', course.acceptingApplications ? 'tr-pill--success' : 'tr-pill--muted')}>{course.statusLabel}</Text>
      </View>
      <Fact label='类别' value={course.categoryLabel} />
      <Fact label='时间' value={courseDates(course)} />
      <Fact label='地点' value={placeText(course)} />
      <Fact label='培训机构' value={course.provider} />
      <Fact label='费用' value={costText(course)} />
      <Fact label='招收' value={`${course.capacity} 人`} />
      <Fact label='报名截止' value={dayLabel(course.signupDeadline, { weekday: true })} />
      {course.status === 'published' ? <Places course={course} /> : null}
    </View>
  );
}

function Schedule({ course }: { course: Course }) {
  return (
    <View className='rg-card'>
      <Text className='rg-card__title'>{`课程安排（共 ${course.sessions.length} 次）`}</Text>
      {course.sessions.map((session, i) => (
        <View key={`${session.date} ${session.startTime}`} className='tr-session'>
          <Text className='tr-session__when'>{`第 ${i + 1} 次 ${sessionWhen(session)}`}</Text>
          <Text className='tr-session__topic'>{session.topic}</Text>
        </View>
      ))}
    </View>
  );
}

function Partners({ course }: { course: Course }) {
  if (course.partners.length === 0) return null;
  return (
    <View className='rg-card'>
      <Text className='rg-card__title'>合作用工单位</Text>
      <Text className='rg-card__text'>这些单位承诺招用学完的学员。</Text>
      {course.partners.map((partner) => (
        <View key={partner.employerId} className='tr-partner'>
          <Text className='tr-partner__name'>{partner.name}</Text>
          <Text className='tr-partner__hires'>{partner.committedHires > 0 ? `承诺招用 ${partner.committedHires} 人` : '优先招用学员'}</Text>
        </View>
      ))}
    </View>
  );
}

type Mine = { members: TrainingMemberChoice[]; applications: ResidentTrainingApplication[]; household: HouseholdFacts };

/** The household's applications for this course and, while it takes applications, the form to apply. */
function MyPart({ course, courseRemote }: { course: Course; courseRemote: Remote<Course> }) {
  const load = useCallback(async (): Promise<Mine> => {
    const [members, applications, registrations] = await Promise.all([listMemberChoices(course.id), listMyApplications(), listMyRegistrations()]);
    return { members, applications: applications.filter((application) => application.course.id === course.id), household: householdFacts(registrations) };
  }, [course.id]);
  const mine = useRemote(load);
  const { reload: reloadMine } = mine;
  const { reload: reloadCourse } = courseRemote;
  const refresh = useCallback(() => {
    reloadMine();
    reloadCourse();
  }, [reloadMine, reloadCourse]);
  useBackOnPage(refresh);
  useEffect(() => void prefetchSubscribeTemplates(), []);

  return (
    <LoadState remote={mine} what='您家的报名情况'>
      {(data) => (
        <View>
          {data.applications.length > 0 ? (
            <View className='rg-card'>
              <Text className='rg-card__title'>我家的报名</Text>
              {data.applications.map((application) => (
                <View key={application.id} className='tr-app-block'>
                  <ApplicationCard application={application} />
                  {application.canWithdraw ? <Withdraw application={application} onDone={refresh} /> : null}
                </View>
              ))}
            </View>
          ) : null}
          <ApplyCard course={course} mine={data} onApplied={refresh} />
        </View>
      )}
    </LoadState>
  );
}

function Withdraw({ application, onDone }: { application: ResidentTrainingApplication; onDone: () => void }) {
  const withdraw = useAction(
    useCallback(async () => {
      const confirmed = await confirmDialog({
        title: '退出培训',
        content: `确定让${application.name}退出“${application.course.title}”吗？退出后名额会让给排队候补的人。开课前还能再报名，但要重新排队。`,
        confirmText: '退出培训',
      });
      if (!confirmed) return;
      await withdrawApplication(application.id);
      onDone();
    }, [application, onDone]),
  );
  return (
    <View>
      {withdraw.error ? <Notice tone='error'>{withdraw.error}</Notice> : null}
      <ActionButton variant='danger' loading={withdraw.loading} onClick={() => void withdraw.run()}>
        {withdraw.loading ? '正在退出…' : `${application.name}退出培训`}
      </ActionButton>
    </View>
  );
}

function ApplyCard({ course, mine, onApplied }: { course: Course; mine: Mine; onApplied: () => void }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const apply = useAction(
    useCallback(
      async (memberKey: string) => {
        // WeChat shows the subscribe prompt only inside the tap, before anything else is awaited.
        await askForMessages(['training_status']);
        await applyForCourse(course.id, memberKey);
        setChosen(null);
        onApplied();
      },
      [course.id, onApplied],
    ),
  );

  const reason = closedReason(course);
  if (reason) return <Notice tone='warning'>{reason}</Notice>;

  if (mine.members.length === 0) {
    return (
      <View className='rg-card'>
        <Text className='rg-card__title'>报名</Text>
        <Text className='rg-card__text'>报名培训要先有搬迁意愿登记，并经乡镇工作人员入户核实。核实后，这里会列出您家里的人，选一个就能报名。</Text>
        <ActionButton variant='secondary' onClick={() => void Taro.navigateTo({ url: ROUTES.registrationList })}>
          看看我的登记
        </ActionButton>
      </View>
    );
  }

  const active = new Set(mine.applications.filter(isActive).map((application) => application.id));
  const open = mine.members.filter((member) => !(member.applicationId && active.has(member.applicationId)));
  if (open.length === 0) return null;
  const verdicts = open.map((member) => ({ member, verdict: memberVerdict(course, member, mine.household) }));
  const anyEligible = verdicts.some(({ verdict }) => verdict.eligible);

  return (
    <View className='rg-card'>
      <Text className='rg-card__title'>{mine.applications.some(isActive) ? '为家里其他人报名' : '选择谁来报名'}</Text>
      <Text className='rg-card__text'>
        {course.placesLeft > 0 ? '选好后点「报名」，人社局审核录取后会通知您。' : '名额已满，现在报名会排队候补，有人退出时按顺序录取。'}
      </Text>
      {verdicts.map(({ member, verdict }) =>
        verdict.eligible ? (
          <CheckRow
            key={member.memberKey}
            checked={chosen === member.memberKey}
            onToggle={() => setChosen(member.memberKey)}
            label={`${member.name}（${member.relation}，${member.age} 岁）`}
            hint={verdict.priority ? '可以报名，搬迁户优先录取' : '可以报名'}
          />
        ) : (
          <View key={member.memberKey} className='tr-member--no'>
            <Text className='tr-member__name'>{`${member.name}（${member.relation}，${member.age} 岁）不能报名`}</Text>
            <Text className='tr-member__reason'>{verdict.reason}</Text>
          </View>
        ),
      )}
      {apply.error ? <Notice tone='error'>{apply.error}</Notice> : null}
      {anyEligible ? (
        <ActionButton loading={apply.loading} disabled={!chosen} onClick={() => chosen && void apply.run(chosen)}>
          {apply.loading ? '正在报名…' : chosen ? '报名' : '请先选择报名的人'}
        </ActionButton>
      ) : (
        <Notice tone='info'>您家里暂时没有人符合这个培训班的条件，可以看看其他培训班。</Notice>
      )}
    </View>
  );
}
