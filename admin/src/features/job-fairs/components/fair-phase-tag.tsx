import { Tag } from 'antd';
import { JOB_FAIR_PHASE_LABELS, type JobFairPhase } from '@anqian/shared';

const COLORS: Record<JobFairPhase, string> = { draft: 'default', open: 'processing', full: 'orange', started: 'green', ended: 'default', cancelled: 'red' };

export function FairPhaseTag({ phase }: { phase: JobFairPhase }) {
  return <Tag color={COLORS[phase]}>{JOB_FAIR_PHASE_LABELS[phase]}</Tag>;
}
