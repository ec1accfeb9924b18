import { Text, View } from '@tarojs/components';
import type { JobFair } from '@anqian/shared';
import { fairWhen, phaseLabel } from '../fair-display';
import './job-fairs.scss';

export function PhasePill({ fair }: { fair: Pick<JobFair, 'phase'> }) {
  return <Text className={`jf-pill jf-pill--${fair.phase}`}>{phaseLabel(fair.phase)}</Text>;
}

export function Places({ fair }: { fair: Pick<JobFair, 'phase' | 'remaining' | 'capacity'> }) {
  if (fair.phase !== 'open' && fair.phase !== 'full') return null;
  return fair.remaining > 0 ? (
    <Text className='jf-places'>{`还剩 ${fair.remaining} 个名额（共 ${fair.capacity} 个）`}</Text>
  ) : (
    <Text className='jf-places jf-places--none'>{`已满（共 ${fair.capacity} 个名额）`}</Text>
  );
}

export function FairRow({ fair, onOpen, badge }: { fair: JobFair; onOpen: () => void; badge?: string }) {
  return (
    <View className='jf-row' onClick={onOpen}>
      <View className='jf-row__top'>
        <Text className='jf-row__title'>{fair.title}</Text>
        {badge ? <Text className='jf-pill jf-pill--info'>{badge}</Text> : <PhasePill fair={fair} />}
      </View>
      <Text className='jf-row__meta'>{fairWhen(fair)}</Text>
      <Text className='jf-row__meta'>{`地点：${fair.venue}`}</Text>
      <Text className='jf-row__meta'>{`${fair.employers.length} 家单位，${fair.postings.length} 个岗位`}</Text>
      <Places fair={fair} />
      <Text className='jf-row__more'>查看详情 ›</Text>
    </View>
  );
}
