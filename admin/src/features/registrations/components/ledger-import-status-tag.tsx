import { Tag } from 'antd';
import type { LedgerImportStatus } from '@anqian/shared';

const STATUS_TAGS: Record<LedgerImportStatus, { label: string; color: string }> = {
  running: { label: '导入中', color: 'processing' },
  done: { label: '已完成', color: 'success' },
  failed: { label: '失败', color: 'error' },
  interrupted: { label: '已中断', color: 'warning' },
};

export function LedgerImportStatusTag({ status }: { status: LedgerImportStatus }) {
  const { label, color } = STATUS_TAGS[status];
  return <Tag color={color}>{label}</Tag>;
}
