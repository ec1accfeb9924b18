import { Tag } from 'antd';
import { ANNOUNCEMENT_STATUS_LABELS, ANNOUNCEMENT_TYPE_LABELS, type AnnouncementType, type AnnouncementViewStatus } from '@anqian/shared';

const STATUS_COLORS: Record<AnnouncementViewStatus, string> = { draft: 'default', scheduled: 'gold', published: 'green', withdrawn: 'default', expired: 'default' };

export function AnnouncementStatusTag({ status }: { status: AnnouncementViewStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{ANNOUNCEMENT_STATUS_LABELS[status]}</Tag>;
}

/** A hazard alert stands out in red wherever it is listed. */
export function AnnouncementTypeTag({ type }: { type: AnnouncementType }) {
  return <Tag color={type === 'hazard_alert' ? 'red' : type === 'utility_outage' ? 'orange' : 'blue'}>{ANNOUNCEMENT_TYPE_LABELS[type]}</Tag>;
}
