import { Flex, Progress, Typography } from 'antd';

/** Households assigned to a resettlement site against its capacity; a full site shows red. */
export function OccupancyBar({ capacity, assigned }: { capacity: number; assigned: number }) {
  const percent = capacity > 0 ? Math.round((assigned / capacity) * 100) : 0;
  const remaining = Math.max(capacity - assigned, 0);
  return (
    <Flex vertical>
      <Progress
        percent={percent}
        status={remaining === 0 ? 'exception' : 'normal'}
        size="small"
        aria-label={`已分配 ${assigned} 户，可安置 ${capacity} 户`}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        已分配 {assigned} / {capacity} 户，剩余 {remaining} 户
      </Typography.Text>
    </Flex>
  );
}
