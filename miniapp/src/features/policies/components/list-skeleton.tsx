import { View } from '@tarojs/components';
import './policies.scss';

/** Grey rows in the shape of the list while the first page is on its way. */
export function ListSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <View className='pl-skeleton' aria-label='正在加载'>
      {Array.from({ length: rows }, (_, index) => (
        <View key={index} className='pl-row pl-row--skeleton'>
          <View className='pl-skeleton__bar pl-skeleton__bar--short' />
          <View className='pl-skeleton__bar' />
          <View className='pl-skeleton__bar pl-skeleton__bar--mid' />
        </View>
      ))}
    </View>
  );
}
