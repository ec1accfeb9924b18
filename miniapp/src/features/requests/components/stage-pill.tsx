import { Text } from '@tarojs/components';
import type { ResidentRequestSummary } from '@anqian/shared';
import { stageTone } from '../request-display';
import './requests.scss';

export function StagePill({ request }: { request: Pick<ResidentRequestSummary, 'stage' | 'stageLabel'> }) {
  return <Text className={`rq-stage rq-stage--${stageTone(request.stage)}`}>{request.stageLabel}</Text>;
}
