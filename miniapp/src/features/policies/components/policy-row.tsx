import { Text, View } from '@tarojs/components';
import { POLICY_CATEGORY_LABELS, type PolicySummary } from '@anqian/shared';
import { formatChinaDate, validityOf } from '../policy-display';
import './policies.scss';

type Props = { policy: PolicySummary; today: string; onOpen: () => void };

export function PolicyRow({ policy, today, onOpen }: Props) {
  const { validity, label } = validityOf(policy, today);
  return (
    <View className='pl-row' onClick={onOpen}>
      <View className='pl-row__badges'>
        {policy.pinned ? <Text className='pl-badge pl-badge--pinned'>置顶</Text> : null}
        <Text className='pl-badge'>{POLICY_CATEGORY_LABELS[policy.category]}</Text>
        {validity === 'in_force' ? null : <Text className='pl-badge pl-badge--muted'>{label}</Text>}
      </View>
      <Text className='pl-row__title'>{policy.title}</Text>
      <Text className='pl-row__meta'>
        {[policy.issuingBody, policy.documentNumber].filter(Boolean).join(' · ')}
      </Text>
      <Text className='pl-row__meta'>
        {`${formatChinaDate(policy.publishDate)}发布${policy.attachmentCount > 0 ? ` · ${policy.attachmentCount} 个附件` : ''}`}
      </Text>
    </View>
  );
}
