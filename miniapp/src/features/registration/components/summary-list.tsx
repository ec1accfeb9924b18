import { Text, View } from '@tarojs/components';
import type { SummarySection } from '../summary';
import type { StepKey } from '../validation';
import '@/styles/cards.scss';
import './registration.scss';

type Props = { sections: SummarySection[]; onEdit?: (step: StepKey) => void };

export function SummaryList({ sections, onEdit }: Props) {
  return (
    <View>
      {sections.map((section) => (
        <View key={section.step} className='rg-card'>
          <View className='rg-summary__head'>
            <Text className='rg-card__title'>{section.title}</Text>
            {onEdit ? (
              <View className='rg-link' onClick={() => onEdit(section.step)}>
                <Text>{`修改${section.title.replace(/（.*）$/, '')}`}</Text>
              </View>
            ) : null}
          </View>
          {section.rows.map((row) => (
            <View key={row.label} className='rg-summary__row'>
              <Text className='rg-summary__label'>{row.label}</Text>
              <Text className='rg-summary__value'>{row.value}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
