import { Text, View } from '@tarojs/components';

export function EmptyState({ title, description }: { title: string; description?: string }) {
  return (
    <View className='aq-empty'>
      <View className='aq-empty__mark' />
      <Text className='aq-empty__title'>{title}</Text>
      {description ? <Text className='aq-empty__description'>{description}</Text> : null}
    </View>
  );
}
