import { Tag, Tooltip } from 'antd';
import { JOB_POSTING_CLOSED_REASON_LABELS, JOB_POSTING_STATUS_LABELS, type JobPostingSummary } from '@anqian/shared';

const COLORS = { draft: 'default', published: 'success', closed: 'warning' } as const;

export function PostingStatusTag({ posting }: { posting: Pick<JobPostingSummary, 'status' | 'closedReason'> }) {
  const tag = <Tag color={COLORS[posting.status]}>{JOB_POSTING_STATUS_LABELS[posting.status]}</Tag>;
  return posting.closedReason ? <Tooltip title={JOB_POSTING_CLOSED_REASON_LABELS[posting.closedReason]}>{tag}</Tooltip> : tag;
}
