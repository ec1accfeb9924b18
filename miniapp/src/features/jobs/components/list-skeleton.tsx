import { View } from '@tarojs/components';
import './jobs.scss';

/** Grey rows in the shape of the list while the first page is on its way. */
export function ListSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <View aria-label='正在加载'>
      {Array.from({ length: rows }, (_, index) => (
        <View key={index} className='jb-row'>
          <View className='jb-skeleton__bar jb-skeleton__bar--mid' />
          <View className='jb-skeleton__bar jb-skeleton__bar--short' />
          <View className='jb-skeleton__bar' />
        </View>
      ))}
    </View>
  );
}
