import { useState } from 'react';
import { Alert, Descriptions, Drawer, Flex, List, Spin, Tag, Typography } from 'antd';
import type { StaffSubsidyRuleSet } from '@anqian/shared';
import { ErrorState } from '@/components/error-state';
import { formatDateTime } from '@/lib/format';
import { useRuleSetVersion } from '@/features/subsidies/api/get-rule-set';
import { RuleSetItems } from '@/features/subsidies/components/rule-set-items';

type Props = { ruleSet: StaffSubsidyRuleSet; open: boolean; onClose: () => void };

/** Earlier versions stay readable: approved registrations were fixed against them. */
export function RuleSetVersionsDrawer({ ruleSet, open, onClose }: Props) {
  const versions = [
    { version: ruleSet.version, updatedAt: ruleSet.updatedAt, updatedBy: ruleSet.updatedBy, current: true },
    ...ruleSet.history.map((entry) => ({ ...entry, current: false })),
  ];
  const [selected, setSelected] = useState(ruleSet.history[0]?.version ?? ruleSet.version);

  return (
    <Drawer title="历史版本" open={open} onClose={onClose} size="large" styles={{ body: { padding: 0 } }} destroyOnHidden>
      <Flex style={{ height: '100%' }}>
        <nav aria-label="版本列表" style={{ width: 200, flex: 'none', borderRight: '1px solid rgba(5,5,5,0.06)', overflowY: 'auto' }}>
          <List
            dataSource={versions}
            renderItem={(entry) => (
              <List.Item
                onClick={() => setSelected(entry.version)}
                aria-current={entry.version === selected}
                style={{ cursor: 'pointer', paddingInline: 16, background: entry.version === selected ? 'rgba(29,95,191,0.08)' : undefined }}
              >
                <Flex vertical gap={2}>
                  <Flex gap={4} align="center">
                    <Typography.Text strong>第 {entry.version} 版</Typography.Text>
                    {entry.current && <Tag color="blue">当前</Tag>}
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(entry.updatedAt)}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {entry.updatedBy}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </nav>
        <div style={{ flex: 1, overflowY: 'auto', padding: 24 }}>
          <VersionContent id={ruleSet.id} version={selected} current={selected === ruleSet.version} />
        </div>
      </Flex>
    </Drawer>
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
