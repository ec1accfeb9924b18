import { View } from '@tarojs/components';
import './list-skeleton.scss';

/** Placeholder rows while the first page of a list loads, so the page does not jump when it arrives. */
export function ListSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <View aria-label='正在加载'>
      {Array.from({ length: rows }, (_, index) => (
        <View key={index} className='aq-skeleton__row'>
          <View className='aq-skeleton__bar aq-skeleton__bar--mid' />
          <View className='aq-skeleton__bar aq-skeleton__bar--short' />
          <View className='aq-skeleton__bar' />
        </View>
      ))}
    </View>
  );
}
