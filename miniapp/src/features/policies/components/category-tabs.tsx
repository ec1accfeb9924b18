import { ScrollView, Text, View } from '@tarojs/components';
import { POLICY_CATEGORIES, POLICY_CATEGORY_LABELS, type PolicyCategory } from '@anqian/shared';
import { classNames } from '@/lib/class-names';
import './policies.scss';

type Props = { value: PolicyCategory | ''; onChange: (category: PolicyCategory | '') => void };

const TABS: { value: PolicyCategory | ''; label: string }[] = [
  { value: '', label: '全部' },
  ...POLICY_CATEGORIES.map((category) => ({ value: category, label: POLICY_CATEGORY_LABELS[category] })),
];

export function CategoryTabs({ value, onChange }: Props) {
  return (
    <ScrollView className='pl-tabs' scrollX enhanced showScrollbar={false}>
      <View className='pl-tabs__track'>
        {TABS.map((tab) => (
          <View
            key={tab.value || 'all'}
            className={classNames('pl-tab', tab.value === value && 'pl-tab--on')}
            onClick={() => onChange(tab.value)}
          >
            <Text>{tab.label}</Text>
          </View>
        ))}
      </View>
    </ScrollView>
  );
}
