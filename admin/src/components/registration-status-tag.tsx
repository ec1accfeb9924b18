import { Tag } from 'antd';
import { REGISTRATION_STATUS_LABELS, type RegistrationStatus } from '@anqian/shared';

const STATUS_COLORS: Record<RegistrationStatus, string> = {
  submitted: 'processing',
  accepted: 'cyan',
  verified: 'geekblue',
  publicizing: 'gold',
  approved: 'success',
  returned: 'warning',
  rejected: 'error',
  withdrawn: 'default',
};

export function RegistrationStatusTag({ status }: { status: RegistrationStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{REGISTRATION_STATUS_LABELS[status]}</Tag>;
}
