import { Alert, Descriptions, Flex, Spin, Typography } from 'antd';
import type { StaffSubsidyRuleSet } from '@anqian/shared';
import { ErrorState } from '@/components/error-state';
import { VersionsDrawer } from '@/components/versions-drawer';
import { formatDateTime } from '@/lib/format';
import { useRuleSetVersion } from '@/features/subsidies/api/get-rule-set';
import { RuleSetItems } from '@/features/subsidies/components/rule-set-items';

type Props = { ruleSet: StaffSubsidyRuleSet; open: boolean; onClose: () => void };

/** Earlier versions stay readable: approved registrations were fixed against them. */
export function RuleSetVersionsDrawer({ ruleSet, open, onClose }: Props) {
  const versions = [
    { version: ruleSet.version, savedAt: ruleSet.updatedAt, savedBy: ruleSet.updatedBy, current: true },
    ...ruleSet.history.map((entry) => ({ version: entry.version, savedAt: entry.updatedAt, savedBy: entry.updatedBy, current: false })),
  ];
  return (
    <VersionsDrawer open={open} onClose={onClose} versions={versions}>
      {(version) => <VersionContent id={ruleSet.id} version={version} current={version === ruleSet.version} />}
    </VersionsDrawer>
  );
}

function VersionContent({ id, version, current }: { id: string; version: number; current: boolean }) {
  const query = useRuleSetVersion(id, version);
  if (query.isPending) return <Spin style={{ display: 'block', marginTop: 48 }} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} title="版本加载失败" />;
  const ruleSet = query.data;
  return (
    <Flex vertical gap={12}>
      {!current && <Alert type="warning" showIcon title={`这是第 ${ruleSet.version} 版，已被修改，仅供查阅；按这一版审批的登记仍保留当时的金额`} />}
      <Typography.Title level={4} style={{ margin: 0 }}>
        {ruleSet.name}
      </Typography.Title>
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'period', label: '执行期', children: `${ruleSet.effectiveFrom} 至 ${ruleSet.effectiveTo}` },
          { key: 'saved', label: '保存于', children: formatDateTime(ruleSet.updatedAt) },
        ]}
      />
      <RuleSetItems rules={ruleSet} />
    </Flex>
  );
}
