import { Tag } from 'antd';
import { RULE_SET_PHASE_LABELS, type RuleSetPhase } from '@anqian/shared';

const COLORS: Record<RuleSetPhase, string> = { upcoming: 'blue', in_force: 'success', ended: 'default' };

export function RuleSetPhaseTag({ phase }: { phase: RuleSetPhase }) {
  return <Tag color={COLORS[phase]}>{RULE_SET_PHASE_LABELS[phase]}</Tag>;
}
