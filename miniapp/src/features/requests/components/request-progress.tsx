import { Text, View } from '@tarojs/components';
import type { PublicHistoryEntry, RequestReply, StageStep } from '@anqian/shared';
import { classNames } from '@/lib/class-names';
import { formatChinaTime } from '@/lib/format-date';
import './requests.scss';

/** 已提交 → 处理中 → 已答复 → 已办结, each dated once reached. */
export function StageSteps({ steps }: { steps: StageStep[] }) {
  return (
    <View className='rq-steps'>
      {steps.map((step) => (
        <View key={step.stage} className={classNames('rq-step', step.at ? 'rq-step--done' : 'rq-step--todo')}>
          <Text className='rq-step__dot'>{step.at ? '✓' : ''}</Text>
          <View className='rq-step__body'>
            <Text className='rq-step__label'>{step.label}</Text>
            <Text className='rq-step__date'>{step.at ? formatChinaTime(step.at) : '还没到'}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}

export function Replies({ replies }: { replies: RequestReply[] }) {
  return (
    <View>
      {replies.map((reply) => (
        <View key={reply.id} className='rq-reply'>
          <Text className='rq-reply__head'>{`${reply.office} · ${formatChinaTime(reply.at)}`}</Text>
          <Text className='rq-reply__text'>{reply.text}</Text>
        </View>
      ))}
    </View>
  );
}

/** Everything that happened, oldest first: after a reopen the earlier round stays readable. */
export function History({ history }: { history: PublicHistoryEntry[] }) {
  return (
    <View>
      {history.map((entry, index) => (
        <View key={`${entry.at}-${index}`} className='rq-event'>
          <Text className='rq-event__title'>{entry.label}</Text>
          <Text className='rq-event__date'>{formatChinaTime(entry.at)}</Text>
          {entry.text ? <Text className='rq-event__text'>{entry.text}</Text> : null}
        </View>
      ))}
    </View>
  );
}
