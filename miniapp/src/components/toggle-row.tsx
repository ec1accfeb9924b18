import { Text, View } from '@tarojs/components';
import { classNames } from '@/lib/class-names';

type Props = { on: boolean; onToggle: () => void; label: string; hint?: string };

/** A settings row with a switch that also says its state in words (已开启 / 已关闭). */
export function ToggleRow({ on, onToggle, label, hint }: Props) {
  return (
    <View className={classNames('aq-toggle', on && 'aq-toggle--on')} onClick={onToggle}>
      <View className='aq-toggle__body'>
        <Text className='aq-toggle__label'>{label}</Text>
        {hint ? <Text className='aq-toggle__hint'>{hint}</Text> : null}
      </View>
      <Text className='aq-toggle__state'>{on ? '已开启' : '已关闭'}</Text>
      <View className='aq-toggle__track'>
        <View className='aq-toggle__thumb' />
      </View>
    </View>
  );
}
