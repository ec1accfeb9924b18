import { View } from '@tarojs/components';
import { useState } from 'react';
import { ChoiceField } from '@/components/form-fields';
import { Notice } from '@/components/notice';
import { shortDivisionName } from '@/lib/division-names';
import { useDivisionTree } from '@/lib/division-tree';

/** Township first, then its villages, all as chips: a county has about a dozen townships. */
export function VillagePicker({ onPick }: { onPick: (villageCode: string) => void }) {
  const divisions = useDivisionTree();
  const [townshipCode, setTownshipCode] = useState('');
  if (!divisions.data) {
    return divisions.loading ? (
      <Notice tone='info'>正在加载乡镇和村的名单…</Notice>
    ) : (
      <Notice tone='error' actionText='重试' onAction={divisions.reload}>
        {`乡镇和村的名单没有加载出来：${divisions.error ?? ''}`}
      </Notice>
    );
  }
  const township = divisions.data.children.find((node) => node.code === townshipCode);
  return (
    <View>
      <ChoiceField
        label='选择乡镇'
        options={divisions.data.children.map((node) => ({ value: node.code, label: node.name }))}
        value={townshipCode}
        onChange={setTownshipCode}
      />
      {township ? (
        <ChoiceField
          label='选择村（社区）'
          options={township.children.map((node) => ({ value: node.code, label: shortDivisionName(node.name) }))}
          value=''
          onChange={onPick}
        />
      ) : null}
    </View>
  );
}
