import { Text, View } from '@tarojs/components';
import { classNames } from '@/lib/class-names';

type Props = { checked: boolean; onToggle: () => void; label: string; hint?: string };

/** A whole-row checkbox: the tap target is the row, not a tiny box. */
export function CheckRow({ checked, onToggle, label, hint }: Props) {
  return (
    <View className={classNames('aq-check', checked && 'aq-check--on')} onClick={onToggle}>
      <View className='aq-check__box'>{checked ? <Text className='aq-check__tick'>✓</Text> : null}</View>
      <View className='aq-check__body'>
        <Text className='aq-check__label'>{label}</Text>
        {hint ? <Text className='aq-check__hint'>{hint}</Text> : null}
      </View>
    </View>
  );
}
