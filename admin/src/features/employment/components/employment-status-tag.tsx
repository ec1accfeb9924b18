import { Tag } from 'antd';
import { EMPLOYMENT_STATUS_LABELS, type EmploymentStatus, isEmployed } from '@anqian/shared';

export function EmploymentStatusTag({ status }: { status: EmploymentStatus | null }) {
  if (!status) return <Tag color="default">未登记</Tag>;
  const color = isEmployed(status) ? 'green' : status === 'unemployed' ? 'orange' : 'default';
  return <Tag color={color}>{EMPLOYMENT_STATUS_LABELS[status]}</Tag>;
}
