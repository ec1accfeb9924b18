import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { HAZARD_TYPES, HAZARD_TYPE_LABELS, HOUSE_STRUCTURES, HOUSE_STRUCTURE_LABELS, type DivisionNode } from '@anqian/shared';
import { ActionButton } from '@/components/action-button';
import { ChoiceField, Field, optionsOf, TextField } from '@/components/form-fields';
import { Notice } from '@/components/notice';
import { divisionName, shortDivisionName } from '@/lib/division-names';
import type { Remote } from '@/lib/use-remote';
import type { RegistrationDraft } from '../draft';
import type { FormApi } from '../use-registration-form';

const HAZARD_OPTIONS = optionsOf(HAZARD_TYPES, HAZARD_TYPE_LABELS);
const STRUCTURE_OPTIONS = optionsOf(HOUSE_STRUCTURES, HOUSE_STRUCTURE_LABELS);

type Props = {
  form: FormApi;
  divisions: Remote<DivisionNode>;
  /** A village cadre registers households of their own village only. */
  fixedVillage?: { villageName: string };
};

export function HouseStep({ form, divisions, fixedVillage }: Props) {
  const { draft, update, errorOf, touch } = form;
  const set = (change: Partial<RegistrationDraft>) => update((current) => ({ ...current, ...change }));
  const setHazard = (change: Partial<RegistrationDraft['hazard']>) =>
    update((current) => ({ ...current, hazard: { ...current.hazard, ...change } }));
  const setHouse = (change: Partial<RegistrationDraft['house']>) =>
    update((current) => ({ ...current, house: { ...current.house, ...change } }));

  return (
    <View>
      <View className='rg-card'>
        <Text className='rg-card__title'>房屋在哪里</Text>
        {fixedVillage ? (
          <Field label='所在村' hint='村干部代填时只能登记本村的农户'>
            <Text className='rg-summary__value'>
              {`${divisionName(divisions.data, draft.townshipCode) ?? ''} ${shortDivisionName(fixedVillage.villageName)}`.trim()}
            </Text>
          </Field>
        ) : (
          <VillagePicker draft={draft} divisions={divisions} onChange={set} error={errorOf('villageCode')} />
        )}
        <TextField
          label='详细住址'
          required
          placeholder='如：某某村民小组 12 号'
          maxlength={100}
          value={draft.address}
          onChange={(address) => set({ address })}
          onBlur={() => touch('address')}
          error={errorOf('address')}
        />
      </View>

      <View className='rg-card'>
        <Text className='rg-card__title'>有什么隐患</Text>
        <ChoiceField
          label='隐患类型'
          required
          options={HAZARD_OPTIONS}
          value={draft.hazard.type}
          onChange={(type) => setHazard({ type })}
          error={errorOf('hazard.type')}
        />
        <TextField
          label='隐患点编号'
          hint='村里公示的隐患点编号，不知道可以不填'
          placeholder='如：LS-2024-015'
          maxlength={32}
          value={draft.hazard.pointNumber}
          onChange={(pointNumber) => setHazard({ pointNumber })}
          onBlur={() => touch('hazard.pointNumber')}
          error={errorOf('hazard.pointNumber')}
        />
      </View>

      <View className='rg-card'>
        <Text className='rg-card__title'>现在住的房子</Text>
        <ChoiceField
          label='房屋结构'
          required
          options={STRUCTURE_OPTIONS}
          value={draft.house.structure}
          onChange={(structure) => setHouse({ structure })}
          error={errorOf('house.structure')}
        />
        <TextField
          label='房屋面积（平方米）'
          required
          placeholder='如：120'
          type='digit'
          maxlength={8}
          value={draft.house.floorArea}
          onChange={(floorArea) => setHouse({ floorArea })}
          onBlur={() => touch('house.floorArea')}
          error={errorOf('house.floorArea')}
        />
        <TextField
          label='建造年份'
          required
          placeholder='如：1998'
          type='number'
          maxlength={4}
          value={draft.house.yearBuilt}
          onChange={(yearBuilt) => setHouse({ yearBuilt })}
          onBlur={() => touch('house.yearBuilt')}
          error={errorOf('house.yearBuilt')}
        />
      </View>
    </View>
  );
}

type PickerProps = {
  draft: RegistrationDraft;
  divisions: Remote<DivisionNode>;
  onChange: (change: Partial<RegistrationDraft>) => void;
  error?: string;
};

/**
 * Township first, then its villages, all as chips: a county has about a dozen townships. Once a
 * village is chosen the long lists fold away to that one choice.
 */
function VillagePicker({ draft, divisions, onChange, error }: PickerProps) {
  const [changing, setChanging] = useState(false);
  if (divisions.loading) return <Notice tone='info'>正在加载乡镇和村的名单…</Notice>;
  if (!divisions.data) {
    return (
      <Notice tone='error' actionText='重试' onAction={divisions.reload}>
        {`乡镇和村的名单没有加载出来：${divisions.error ?? ''}`}
      </Notice>
    );
  }
  const townships = divisions.data.children;
  const township = townships.find((node) => node.code === draft.townshipCode);
  const village = township?.children.find((node) => node.code === draft.villageCode);
  // The schema's own message speaks of division codes; the resident only sees names.
  const message = error && !draft.villageCode ? (township ? '请选择所在村' : '请先选择所在乡镇，再选村') : error;

  if (township && village && !changing) {
    return (
      <Field label='所在村' required error={error}>
        <View className='rg-chips'>
          <View className='rg-chip rg-chip--on rg-chip--wide'>
            <Text className='rg-chip__label'>{`✓ ${township.name} ${shortDivisionName(village.name)}`}</Text>
          </View>
        </View>
        <ActionButton variant='secondary' onClick={() => setChanging(true)}>
          重新选择乡镇和村
        </ActionButton>
      </Field>
    );
  }
  return (
    <View>
      <ChoiceField
        label='所在乡镇'
        required
        options={townships.map((node) => ({ value: node.code, label: node.name }))}
        value={draft.townshipCode}
        onChange={(townshipCode) =>
          onChange({ townshipCode, villageCode: townshipCode === draft.townshipCode ? draft.villageCode : '' })
        }
        error={!township ? message : undefined}
      />
      {township ? (
        <ChoiceField
          label='所在村（社区）'
          required
          options={township.children.map((node) => ({ value: node.code, label: shortDivisionName(node.name) }))}
          value={draft.villageCode}
          onChange={(villageCode) => {
            onChange({ villageCode });
            setChanging(false);
          }}
          error={message}
        />
      ) : null}
    </View>
  );
}
