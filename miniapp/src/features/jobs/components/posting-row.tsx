import { Text, View } from '@tarojs/components';
import { FOOD_AND_LODGING_LABELS, JOB_CATEGORY_LABELS, type JobPostingSummary } from '@anqian/shared';
import './jobs.scss';

type Props = { posting: JobPostingSummary; onOpen: () => void };

export function PostingRow({ posting, onOpen }: Props) {
  return (
    <View className='jb-row' onClick={onOpen}>
      <Text className='jb-row__title'>{posting.title}</Text>
      <Text className='jb-row__pay'>{posting.payLabel}</Text>
      <Text className='jb-row__meta'>{`${posting.employerName} · ${posting.workplaceName}`}</Text>
      <View className='jb-badges'>
        {posting.priorityRelocated ? <Text className='jb-badge jb-badge--warm'>优先招搬迁群众</Text> : null}
        <Text className='jb-badge'>{JOB_CATEGORY_LABELS[posting.category]}</Text>
        {posting.foodAndLodging === 'none' ? null : <Text className='jb-badge jb-badge--ok'>{FOOD_AND_LODGING_LABELS[posting.foodAndLodging]}</Text>}
        <Text className='jb-badge jb-badge--muted'>{`招 ${posting.headcount} 人`}</Text>
      </View>
      <Text className='jb-row__more'>查看详情 ›</Text>
    </View>
  );
}
