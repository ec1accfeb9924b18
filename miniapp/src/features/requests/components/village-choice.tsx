import { Text, View } from '@tarojs/components';
import { useEffect, useMemo, useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { Field } from '@/components/form-fields';
import { Notice } from '@/components/notice';
import { VillagePicker } from '@/components/village-picker';
import { shortDivisionName } from '@/lib/division-names';
import { useDivisionTree } from '@/lib/division-tree';
import { useRemote } from '@/lib/use-remote';
import { getHomeVillages } from '../requests-api';

type Props = { value: string; onChange: (villageCode: string) => void; error?: string };

/**
 * The village the request is about decides the township that answers it. The resident's own
 * village (household file or the one chosen for notices) is filled in; another is a township, then
 * a village away.
 */
export function VillageChoice({ value, onChange, error }: Props) {
  const home = useRemote(getHomeVillages);
  const [picking, setPicking] = useState(false);
  const villages = useMemo(() => home.data?.villages ?? [], [home.data]);

  useEffect(() => {
    if (!value && villages.length === 1) onChange(villages[0].code);
  }, [onChange, value, villages]);

  if (home.loading) return <Notice tone='info'>正在查找您所在的村…</Notice>;
  const own = villages.find((village) => village.code === value);

  return (
    <Field label='这件事在哪个村（社区）' required hint='由这个村所在的乡镇负责答复。' error={error}>
      {villages.length > 0 ? (
        <View className='rg-chips'>
          {villages.map((village) => (
            <View key={village.code} className={`rg-chip rg-chip--wide${village.code === value ? ' rg-chip--on' : ''}`} onClick={() => onChange(village.code)}>
              <Text className='rg-chip__label'>{`${village.code === value ? '✓ ' : ''}${village.townshipName} ${shortDivisionName(village.name)}`}</Text>
              <Text className='rg-chip__hint'>{home.data?.source === 'household' ? '您登记的村' : '您选过的村'}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {picking || (villages.length === 0 && !value) ? (
        <VillagePicker
          onPick={(code) => {
            onChange(code);
            setPicking(false);
          }}
        />
      ) : (
        <>
          {value && !own ? <PickedVillage code={value} /> : null}
          <ActionButton variant='secondary' onClick={() => setPicking(true)}>
            {villages.length > 0 ? '是别的村的事' : '重新选择乡镇和村'}
          </ActionButton>
        </>
      )}
    </Field>
  );
}

function PickedVillage({ code }: { code: string }) {
  const divisions = useDivisionTree();
  const township = divisions.data?.children.find((node) => node.children.some((village) => village.code === code));
  const village = township?.children.find((node) => node.code === code);
  return (
    <View className='rg-chips'>
      <View className='rg-chip rg-chip--on rg-chip--wide'>
        <Text className='rg-chip__label'>{`✓ ${township && village ? `${township.name} ${shortDivisionName(village.name)}` : '已选择'}`}</Text>
      </View>
    </View>
  );
}
