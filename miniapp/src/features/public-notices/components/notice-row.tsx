import { Text, View } from '@tarojs/components';
import type { PublicNoticeSummary } from '@anqian/shared';
import { formatDate } from '@/lib/format-date';
import { NOTICE_PHASE_LABELS } from '../public-notices-api';
import '@/styles/cards.scss';

const PHASE_TONE: Record<PublicNoticeSummary['phase'], string> = {
  upcoming: 'submitted',
  open: 'publicizing',
  ended: 'withdrawn',
};

export function NoticeRow({ notice, onOpen }: { notice: PublicNoticeSummary; onOpen: () => void }) {
  return (
    <View className='rg-row' onClick={onOpen}>
      <View className='rg-row__top'>
        <Text className='rg-row__title'>{notice.title}</Text>
      </View>
      <View>
        <Text className={`rg-status rg-status--${PHASE_TONE[notice.phase]}`}>{NOTICE_PHASE_LABELS[notice.phase]}</Text>
      </View>
      <Text className='rg-row__text'>{`公示期：${formatDate(notice.startDate)} 至 ${formatDate(notice.endDate)}`}</Text>
      <Text className='rg-row__text'>{`${notice.townshipNames.join('、')}，共 ${notice.householdCount} 户`}</Text>
      <Text className='rg-row__more'>查看公示名单 ›</Text>
    </View>
  );
}
