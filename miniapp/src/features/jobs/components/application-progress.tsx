import { Text, View } from '@tarojs/components';
import { JOB_APPLICATION_STATUS_LABELS, type JobApplicationEvent, type ResidentJobApplication } from '@anqian/shared';
import { classNames } from '@/lib/class-names';
import { formatChinaTime } from '@/lib/format-date';
import { applicationSteps, statusTone } from '../application-display';
import './jobs.scss';

export function StatusPill({ application }: { application: Pick<ResidentJobApplication, 'status'> }) {
  return <Text className={`jb-status jb-status--${statusTone(application.status)}`}>{JOB_APPLICATION_STATUS_LABELS[application.status]}</Text>;
}

/** 已投递 → 已查看 → 邀请面试 → 有结果, each reached step ticked. */
export function ApplicationSteps({ application }: { application: Pick<ResidentJobApplication, 'status' | 'timeline'> }) {
  const steps = applicationSteps(application);
  if (steps.length === 0) return null;
  return (
    <View className='jb-steps'>
      {steps.map((step, index) => (
        <View key={step.label} className={classNames('jb-step', `jb-step--${step.state}`)}>
          <Text className='jb-step__dot'>{step.state === 'todo' ? '' : step.state === 'done' ? '✓' : String(index + 1)}</Text>
          <Text>{step.label}</Text>
        </View>
      ))}
    </View>
  );
}

function eventTitle(event: JobApplicationEvent): string {
  if (event.action === 'apply') return event.from === 'withdrawn' ? '重新投递' : '投递成功';
  if (event.action === 'withdraw') return '您撤回了投递';
  return JOB_APPLICATION_STATUS_LABELS[event.to];
}

/** Every change with its date and the bureau's message, newest first. */
export function ApplicationHistory({ timeline }: { timeline: JobApplicationEvent[] }) {
  return (
    <View>
      {[...timeline].reverse().map((event, index) => (
        <View key={`${event.at}-${index}`} className='jb-event'>
          <Text className='jb-event__title'>{eventTitle(event)}</Text>
          <Text className='jb-event__meta'>{formatChinaTime(event.at)}</Text>
          {event.message ? <Text className='jb-message'>{`人社局留言：${event.message}`}</Text> : null}
        </View>
      ))}
    </View>
  );
}
