import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ChoiceField } from '@/components/form-fields';
import { Notice } from '@/components/notice';
import { ToggleRow } from '@/components/toggle-row';
import { shortDivisionName } from '@/lib/division-names';
import { useDivisionTree } from '@/lib/division-tree';
import './training.scss';

export type Township = { code: string; name: string };

type Props = {
  township: Township | null;
  onTownship: (township: Township | null) => void;
  notFull: boolean;
  onNotFull: (notFull: boolean) => void;
};

function summary(township: Township | null, notFull: boolean): string {
  return [township ? township.name : '全县', ...(notFull ? ['还有名额'] : [])].join('，');
}

/** Folded by default so the courses come first on a small screen; the line says which filters are on. */
export function CourseFilters({ township, onTownship, notFull, onNotFull }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <View className='tr-filters'>
      <View className='tr-filters__head' onClick={() => setOpen(!open)}>
        <Text className='tr-filters__summary'>{`筛选：${summary(township, notFull)}`}</Text>
        <Text className='tr-filters__toggle'>{open ? '收起 ▲' : '修改 ▼'}</Text>
      </View>
      {open ? (
        <View className='tr-filters__body'>
          <TownshipChoice township={township} onTownship={onTownship} />
          <ToggleRow on={notFull} onToggle={() => onNotFull(!notFull)} label='还有名额' hint='只看现在还能报名、名额没满的培训班' />
        </View>
      ) : null}
    </View>
  );
}

function TownshipChoice({ township, onTownship }: Pick<Props, 'township' | 'onTownship'>) {
  const tree = useDivisionTree();
  if (!tree.data) {
    return tree.loading ? (
      <Text className='rg-card__text'>正在读取乡镇名单…</Text>
    ) : (
      <Notice tone='error' actionText='重试' onAction={tree.reload}>{`乡镇名单没有加载出来：${tree.error ?? '请稍后再试'}`}</Notice>
    );
  }
  const options = [{ value: 'all', label: '不限' }, ...tree.data.children.map((item) => ({ value: item.code, label: shortDivisionName(item.name) }))];
  return (
    <ChoiceField
      label='您家在哪个乡镇'
      hint='只看这个乡镇的群众能报的培训班'
      options={options}
      value={township?.code ?? 'all'}
      onChange={(code) => onTownship(code === 'all' ? null : { code, name: options.find((option) => option.value === code)?.label ?? '' })}
    />
  );
}
