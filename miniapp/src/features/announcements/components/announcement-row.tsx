import { Text, View } from '@tarojs/components';
import type { ResidentAnnouncementSummary } from '@anqian/shared';
import { formatChinaTime } from '@/lib/format-date';
import { AnnouncementBadges } from './announcement-badges';
import './announcements.scss';

type Props = { announcement: ResidentAnnouncementSummary; onOpen: () => void };

export function AnnouncementRow({ announcement, onOpen }: Props) {
  const hazard = announcement.type === 'hazard_alert';
  return (
    <View className={`an-row${hazard ? ' an-row--hazard' : ''}${announcement.read ? '' : ' an-row--unread'}`} onClick={onOpen}>
      <View className='an-row__head'>
        {announcement.read ? null : <View className='an-dot' />}
        <Text className='an-row__title'>{announcement.title}</Text>
      </View>
      <AnnouncementBadges announcement={announcement} />
      {announcement.excerpt ? <Text className='an-row__excerpt'>{announcement.excerpt}</Text> : null}
      <Text className='an-row__meta'>{`${announcement.divisionName} · ${formatChinaTime(announcement.publishedAt, { withYear: false })}`}</Text>
    </View>
  );
}
