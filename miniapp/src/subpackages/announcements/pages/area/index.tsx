import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import type { DivisionNode, ResidentAnnouncementArea } from '@anqian/shared';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { ChoiceField } from '@/components/form-fields';
import { LoadState } from '@/components/load-state';
import { Notice } from '@/components/notice';
import { ResidentGate } from '@/components/resident-gate';
import { ANNOUNCEMENTS_CONSENT_WHY, areaText } from '@/features/announcements/announcement-display';
import { chooseAnnouncementArea, getAnnouncementArea } from '@/features/announcements/announcements-api';
import { shortDivisionName } from '@/lib/division-names';
import { useDivisionTree } from '@/lib/division-tree';
import { ROUTES } from '@/lib/routes';
import { useAction } from '@/lib/use-action';
import { useRemote } from '@/lib/use-remote';
import '@/features/announcements/components/announcements.scss';
import '@/styles/cards.scss';

export default function AnnouncementAreaPage() {
  return (
    <PageShell>
      <ResidentGate why='登录后选择您所在的村，就能收到本村和本乡镇的通知。' consentWhy={ANNOUNCEMENTS_CONSENT_WHY}>
        <ChooseArea />
      </ResidentGate>
    </PageShell>
  );
}

function ChooseArea() {
  const area = useRemote(getAnnouncementArea);
  const divisions = useDivisionTree();
  return (
    <LoadState remote={area} what='您现在的村'>
      {({ area: current }) =>
        current?.source === 'household' ? (
          <Household area={current} />
        ) : (
          <LoadState remote={divisions} what='乡镇和村的名单'>
            {(county) => <Picker county={county} current={current} />}
          </LoadState>
        )
      }
    </LoadState>
  );
}

/** The household file decides the village; the server refuses a choice on top of it. */
function Household({ area }: { area: ResidentAnnouncementArea }) {
  return (
    <View className='rg-card'>
      <Text className='rg-card__title'>按您的搬迁登记接收通知</Text>
      <Text className='rg-card__text'>{`您会收到 ${areaText(area)} 和所在乡镇、全县的通知，不需要再选择。`}</Text>
    </View>
  );
}

function backToList() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: ROUTES.announcements });
}

function Picker({ county, current }: { county: DivisionNode; current: ResidentAnnouncementArea | null }) {
  const chosen = current?.villages[0];
  const [townshipCode, setTownshipCode] = useState(chosen?.townshipCode ?? '');
  const [villageCode, setVillageCode] = useState(chosen?.code ?? '');
  const save = useAction(chooseAnnouncementArea);
  const township = county.children.find((node) => node.code === townshipCode);

  const pickTownship = useCallback((code: string) => {
    setTownshipCode(code);
    setVillageCode('');
  }, []);
  const submit = async () => {
    if (await save.run(villageCode)) backToList();
  };

  return (
    <View>
      <View className='rg-card'>
        <Text className='rg-card__title'>{current ? `现在：${areaText(current)}` : '请选择您所在的村'}</Text>
        <Text className='rg-card__text'>选好以后，本村、本乡镇和全县的通知都会发给您。没有搬迁登记的，选一次就行。</Text>
      </View>
      <ChoiceField label='第一步：选择乡镇' options={county.children.map((node) => ({ value: node.code, label: node.name }))} value={townshipCode} onChange={pickTownship} />
      {township ? (
        <ChoiceField
          label='第二步：选择村（社区）'
          options={township.children.map((node) => ({ value: node.code, label: shortDivisionName(node.name) }))}
          value={villageCode}
          onChange={setVillageCode}
        />
      ) : null}
      {save.error ? <Notice tone='error'>{save.error}</Notice> : null}
      <ActionButton disabled={!villageCode} loading={save.loading} onClick={() => void submit()}>
        {save.loading ? '正在保存…' : villageCode ? '保存' : '请先选好乡镇和村'}
      </ActionButton>
    </View>
  );
}
