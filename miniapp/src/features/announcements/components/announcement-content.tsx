import { RichText, Text, View } from '@tarojs/components';
import type { ResidentAnnouncementDetail } from '@anqian/shared';
import { Notice } from '@/components/notice';
import { richTextForDisplay } from '@/features/policies/policy-display';
import { formatChinaTime } from '@/lib/format-date';
import { isExpired } from '../announcement-display';
import { AnnouncementBadges } from './announcement-badges';
import { AttachmentList } from '@/components/attachment-list';
import { downloadAnnouncementAttachment } from '../announcements-api';
import './announcements.scss';

/** One notice as the resident reads it; the server has recorded the reading by the time it shows. */
export function AnnouncementContent({ announcement }: { announcement: ResidentAnnouncementDetail }) {
  const hazard = announcement.type === 'hazard_alert';
  const expired = isExpired(announcement.expiresAt);
  return (
    <View>
      {expired ? (
        <Notice tone='warning'>
          {hazard
            ? `这次预警已于 ${formatChinaTime(announcement.expiresAt!)} 解除，内容仅供查阅。`
            : `这条通知已于 ${formatChinaTime(announcement.expiresAt!)} 过期，内容仅供查阅。`}
        </Notice>
      ) : null}
      <View className={hazard ? 'an-card an-card--hazard' : 'an-card'}>
        {hazard ? <Text className='an-hazard-label'>地质灾害预警</Text> : null}
        <Text className='an-detail__title'>{announcement.title}</Text>
        <AnnouncementBadges announcement={announcement} expired={expired} />
        <Fact label='发布单位' value={announcement.divisionName} />
        <Fact label='发布时间' value={formatChinaTime(announcement.publishedAt)} />
        {announcement.expiresAt && !expired ? <Fact label={hazard ? '预警到' : '有效期到'} value={formatChinaTime(announcement.expiresAt)} /> : null}
      </View>
      {announcement.mustRead ? <Notice tone='success'>已阅知：这是一条须阅知的通知，已记下您看过了。</Notice> : null}

      <View className='an-card'>
        <Text className='an-card__title'>正文</Text>
        <RichText className='an-body' nodes={richTextForDisplay(announcement.bodyHtml)} />
      </View>

      <AttachmentList attachments={announcement.attachments} download={downloadAnnouncementAttachment} />
    </View>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='an-fact'>
      <Text className='an-fact__label'>{label}</Text>
      <Text className='an-fact__value'>{value}</Text>
    </View>
  );
}
