import { Text, View } from '@tarojs/components';
import type { ResidentRegistration } from '@anqian/shared';
import { shortDivisionName } from '@/lib/division-names';
import { formatDate } from '@/lib/format-date';
import { StatusBadge } from './status-badge';
import '@/styles/cards.scss';

/** One registration in a list: whose, where, its status and what happens next. */
export function RegistrationRow({ registration, onOpen }: { registration: ResidentRegistration; onOpen: () => void }) {
  const { household } = registration;
  return (
    <View className='rg-row' onClick={onOpen}>
      <View className='rg-row__top'>
        <Text className='rg-row__title'>{`${household.head.name}户`}</Text>
        <StatusBadge status={registration.status} label={registration.statusLabel} />
      </View>
      <Text className='rg-row__text'>
        {`${household.townshipName} ${shortDivisionName(household.villageName)}，${household.members.length + 1} 人，${formatDate(registration.submittedAt)}提交`}
      </Text>
      <Text className='rg-row__text'>{registration.nextStep}</Text>
      <Text className='rg-row__more'>查看详情 ›</Text>
    </View>
  );
}
