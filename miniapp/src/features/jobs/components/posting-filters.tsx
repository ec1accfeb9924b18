import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { FOOD_AND_LODGING, FOOD_AND_LODGING_LABELS, type FoodAndLodging } from '@anqian/shared';
import { ChoiceField, type Option } from '@/components/form-fields';
import { Notice } from '@/components/notice';
import { shortDivisionName } from '@/lib/division-names';
import { useDivisionTree } from '@/lib/division-tree';
import type { HomeTownship } from '../home-township';
import type { PostingSort } from '../posting-query';
import './jobs.scss';
import '@/styles/cards.scss';

type Near = '' | 'township' | 'county';

export type FilterChoices = {
  near: Near;
  minPay: number;
  foodAndLodging: FoodAndLodging | '';
  sort: PostingSort;
};

const NEAR_OPTIONS: Option<'any' | 'township' | 'county'>[] = [
  { value: 'any', label: '不限' },
  { value: 'township', label: '离家近（本乡镇）' },
  { value: 'county', label: '县内' },
];
const PAY_OPTIONS: Option<string>[] = [
  { value: '0', label: '不限' },
  ...[2000, 3000, 4000, 5000].map((yuan) => ({ value: String(yuan), label: `${yuan} 元以上` })),
];
const FOOD_OPTIONS: Option<FoodAndLodging | 'any'>[] = [
  { value: 'any', label: '不限' },
  ...FOOD_AND_LODGING.filter((value) => value !== 'none').map((value) => ({ value, label: FOOD_AND_LODGING_LABELS[value] })),
];
const SORT_OPTIONS: Option<PostingSort>[] = [
  { value: 'newest', label: '最新发布' },
  { value: 'pay', label: '工资高的在前' },
];

/** One line that says which filters are on, so a folded panel still tells why the list is short. */
function filterSummary(choices: FilterChoices, home: HomeTownship | null): string {
  const parts: string[] = [];
  if (choices.near === 'township') parts.push(home ? shortDivisionName(home.name) : '本乡镇');
  if (choices.near === 'county') parts.push('县内');
  if (choices.minPay) parts.push(`月薪 ${choices.minPay} 元以上`);
  if (choices.foodAndLodging) parts.push(FOOD_AND_LODGING_LABELS[choices.foodAndLodging]);
  if (choices.sort === 'pay') parts.push('工资高的在前');
  return parts.length > 0 ? parts.join('，') : '不限地点、工资和食宿';
}

type Props = {
  choices: FilterChoices;
  onChange: (choices: FilterChoices) => void;
  home: HomeTownship | null;
  onHome: (home: HomeTownship) => void;
};

/** Folded by default so the postings come first on a small screen. */
export function PostingFilters({ choices, onChange, home, onHome }: Props) {
  const [open, setOpen] = useState(false);
  const set = (change: Partial<FilterChoices>) => onChange({ ...choices, ...change });
  return (
    <View className='jb-filters'>
      <View className='jb-filters__head' onClick={() => setOpen(!open)}>
        <Text className='jb-filters__summary'>{`筛选：${filterSummary(choices, home)}`}</Text>
        <Text className='jb-filters__toggle'>{open ? '收起 ▲' : '修改 ▼'}</Text>
      </View>
      {open ? (
        <View className='jb-filters__body'>
          <ChoiceField label='工作地点' options={NEAR_OPTIONS} value={choices.near || 'any'} onChange={(near) => set({ near: near === 'any' ? '' : near })} />
          {choices.near === 'township' ? <TownshipChoice home={home} onHome={onHome} /> : null}
          <ChoiceField label='最低月薪' options={PAY_OPTIONS} value={String(choices.minPay)} onChange={(pay) => set({ minPay: Number(pay) })} />
          <ChoiceField
            label='吃住'
            options={FOOD_OPTIONS}
            value={choices.foodAndLodging || 'any'}
            onChange={(food) => set({ foodAndLodging: food === 'any' ? '' : food })}
          />
          <ChoiceField label='排序' options={SORT_OPTIONS} value={choices.sort} onChange={(sort) => set({ sort })} />
        </View>
      ) : null}
    </View>
  );
}

/** The townships of the county; the choice is remembered on the phone. */
function TownshipChoice({ home, onHome }: { home: HomeTownship | null; onHome: (home: HomeTownship) => void }) {
  const tree = useDivisionTree();
  if (!tree.data) {
    return tree.loading ? (
      <Text className='rg-card__text'>正在读取乡镇名单…</Text>
    ) : (
      <Notice tone='error' actionText='重试' onAction={tree.reload}>{`乡镇名单没有加载出来：${tree.error ?? '请稍后再试'}`}</Notice>
    );
  }
  const options = tree.data.children.map((township) => ({ value: township.code, label: shortDivisionName(township.name) }));
  return (
    <ChoiceField
      label='您家在哪个乡镇'
      hint={home ? undefined : '选一次就记住，下次不用再选'}
      options={options}
      value={home?.code ?? ''}
      onChange={(code) => onHome({ code, name: options.find((option) => option.value === code)?.label ?? '' })}
    />
  );
}
