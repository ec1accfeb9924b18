import { Flex, Tag } from 'antd';
import { REQUEST_STATUS_LABELS, type RequestStatus, type StaffRequestSummary } from '@anqian/shared';

const STATUS_COLORS: Record<RequestStatus, string> = {
  submitted: 'gold',
  assigned: 'processing',
  replied: 'cyan',
  closed: 'success',
  withdrawn: 'default',
};

export function RequestStatusTag({ request }: { request: Pick<StaffRequestSummary, 'status' | 'overdue' | 'reopened'> }) {
  return (
    <Flex gap={4} wrap>
      <Tag color={STATUS_COLORS[request.status]}>{REQUEST_STATUS_LABELS[request.status]}</Tag>
      {request.overdue && <Tag color="error">超期</Tag>}
      {request.reopened && <Tag color="purple">重新处理</Tag>}
    </Flex>
  );
}
