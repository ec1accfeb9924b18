import { Tag } from 'antd';
import type { PublicNoticeSummary } from '@anqian/shared';

const PHASES: Record<PublicNoticeSummary['phase'], { color: string; label: string }> = {
  upcoming: { color: 'default', label: '未开始' },
  open: { color: 'processing', label: '公示中' },
  ended: { color: 'success', label: '已结束' },
};

export function NoticePhaseTag({ phase }: { phase: PublicNoticeSummary['phase'] }) {
  return <Tag color={PHASES[phase].color}>{PHASES[phase].label}</Tag>;
}
