import { Tag } from 'antd';
import { POLICY_STATUS_LABELS, type PolicyStatus } from '@anqian/shared';

const COLORS: Record<PolicyStatus, string> = { draft: 'default', published: 'success', archived: 'warning' };

export function PolicyStatusTag({ status }: { status: PolicyStatus }) {
  return <Tag color={COLORS[status]}>{POLICY_STATUS_LABELS[status]}</Tag>;
}
