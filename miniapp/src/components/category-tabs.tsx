import { ScrollView, Text, View } from '@tarojs/components';
import { classNames } from '@/lib/class-names';
import './category-tabs.scss';

type Props<T extends string> = {
  categories: readonly T[];
  labels: Record<T, string>;
  /** '' is 全部. */
  value: T | '';
  onChange: (category: T | '') => void;
};

/** 全部 and each category as a tab in one row that scrolls sideways. */
export function CategoryTabs<T extends string>({ categories, labels, value, onChange }: Props<T>) {
  const tabs: { value: T | ''; label: string }[] = [{ value: '', label: '全部' }, ...categories.map((category) => ({ value: category, label: labels[category] }))];
  return (
    <ScrollView className='aq-tabs' scrollX enhanced showScrollbar={false}>
      <View className='aq-tabs__track'>
        {tabs.map((tab) => (
          <View key={tab.value || 'all'} className={classNames('aq-tab', tab.value === value && 'aq-tab--on')} onClick={() => onChange(tab.value)}>
            <Text>{tab.label}</Text>
          </View>
        ))}
      </View>
    </ScrollView>
  );
}
