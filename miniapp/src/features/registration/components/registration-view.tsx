import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { ResidentRegistration } from '@anqian/shared';
import { formatDate } from '@/lib/format-date';
import { ROUTES } from '@/lib/routes';
import { registrationSections } from '../summary';
import { RegistrationPhotos } from './registration-photos';
import { StatusBadge } from './status-badge';
import { SummaryList } from './summary-list';
import { Timeline } from './timeline';
import '@/styles/cards.scss';
import './registration.scss';

/**
 * One registration as the server holds it: status and what happens next, the full history, and
 * every fact that was sent (ID numbers and phone masked). `actions` sit right under the history, where
 * a return reason is read, rather than below the whole household file; `contact` (whom to call)
 * right under the next step.
 */
export function RegistrationView({ registration, actions, contact }: { registration: ResidentRegistration; actions?: ReactNode; contact?: ReactNode }) {
  const { status, statusLabel, nextStep, assignedSite, notice, timeline } = registration;
  return (
    <View>
      <View className='rg-card'>
        <View className='rg-summary__head'>
          <Text className='rg-card__title'>{`${registration.household.head.name}户的搬迁登记`}</Text>
          <StatusBadge status={status} label={statusLabel} />
        </View>
        <Text className='rg-card__text'>{nextStep}</Text>
        <Text className='rg-card__text'>{`提交时间：${formatDate(registration.submittedAt)}`}</Text>
        {registration.enteredByCadre ? <Text className='rg-card__text'>由村干部代为填写</Text> : null}
      </View>

      {/* Whom to ask about the next step: the township's office phone. */}
      {contact}

      {status === 'approved' && assignedSite ? (
        <View className='rg-card'>
          <Text className='rg-card__title'>分配的安置点</Text>
          <Text className='rg-summary__value'>{assignedSite.name}</Text>
          <Text className='rg-card__text'>{assignedSite.townshipName}</Text>
        </View>
      ) : null}

      {notice ? (
        <View
          className='rg-row'
          onClick={() => Taro.navigateTo({ url: `${ROUTES.noticeDetail}?id=${encodeURIComponent(notice.id)}` })}
        >
          <Text className='rg-row__title'>{notice.title}</Text>
          <Text className='rg-row__text'>{`公示期：${formatDate(notice.startDate)} 至 ${formatDate(notice.endDate)}`}</Text>
          <Text className='rg-row__more'>查看公示名单 ›</Text>
        </View>
      ) : null}

      <View className='rg-card'>
        <Text className='rg-card__title'>办理经过</Text>
        <Timeline entries={timeline} />
      </View>

      {actions}

      <SummaryList sections={registrationSections(registration)} />
      <RegistrationPhotos photos={registration.household.photos} />
    </View>
  );
}
