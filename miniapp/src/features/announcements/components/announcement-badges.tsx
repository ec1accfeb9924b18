import { Text, View } from '@tarojs/components';
import { ANNOUNCEMENT_TYPE_LABELS, type ResidentAnnouncementSummary } from '@anqian/shared';
import './announcements.scss';

type Props = { announcement: Pick<ResidentAnnouncementSummary, 'type' | 'pinned' | 'mustRead' | 'read'>; expired?: boolean };

/** Type (hazard warnings in red), 置顶, 须阅知 and, until opened, 未读. */
export function AnnouncementBadges({ announcement, expired }: Props) {
  const hazard = announcement.type === 'hazard_alert';
  return (
    <View className='an-badges'>
      {announcement.read ? null : <Text className='an-badge an-badge--unread'>未读</Text>}
      <Text className={hazard ? 'an-badge an-badge--hazard' : 'an-badge'}>{ANNOUNCEMENT_TYPE_LABELS[announcement.type]}</Text>
      {announcement.pinned ? <Text className='an-badge an-badge--pinned'>置顶</Text> : null}
      {announcement.mustRead ? <Text className={announcement.read ? 'an-badge an-badge--done' : 'an-badge an-badge--must'}>{announcement.read ? '已阅知' : '须阅知'}</Text> : null}
      {expired ? <Text className='an-badge an-badge--muted'>已过期</Text> : null}
    </View>
  );
}
