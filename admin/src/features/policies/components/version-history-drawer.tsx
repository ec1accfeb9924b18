import { useState } from 'react';
import { Alert, Descriptions, Divider, Drawer, Empty, Flex, List, Spin, Tag, Typography } from 'antd';
import { POLICY_CATEGORY_LABELS, type StaffPolicyDetail } from '@anqian/shared';
import { ErrorState } from '@/components/error-state';
import { formatDateTime } from '@/lib/format';
import { usePolicyVersion } from '@/features/policies/api/get-policy-version';
import { AttachmentList } from '@/features/policies/components/attachment-list';
import { RichTextView } from '@/features/policies/components/rich-text-view';

type Props = { policy: StaffPolicyDetail; open: boolean; onClose: () => void };

/** Every version stays readable: residents may have acted on an earlier text. */
export function VersionHistoryDrawer({ policy, open, onClose }: Props) {
  const versions = [
    { version: policy.version, title: policy.title, editedAt: policy.updatedAt, editedBy: policy.editedBy, current: true },
    ...policy.history.map((entry) => ({ ...entry, current: false })),
  ];
  const [selected, setSelected] = useState<number>(policy.history[0]?.version ?? policy.version);

  return (
    <Drawer title="历史版本" open={open} onClose={onClose} size="large" styles={{ body: { padding: 0 } }} destroyOnHidden>
      <Flex style={{ height: '100%' }}>
        <nav aria-label="版本列表" style={{ width: 220, flex: 'none', borderRight: '1px solid rgba(5,5,5,0.06)', overflowY: 'auto' }}>
          <List
            dataSource={versions}
            renderItem={(entry) => (
              <List.Item
                onClick={() => setSelected(entry.version)}
                style={{
                  cursor: 'pointer',
                  paddingInline: 16,
                  background: entry.version === selected ? 'rgba(29,95,191,0.08)' : undefined,
                }}
                aria-current={entry.version === selected}
              >
                <Flex vertical gap={2}>
                  <Flex gap={4} align="center">
                    <Typography.Text strong>第 {entry.version} 版</Typography.Text>
                    {entry.current && <Tag color="blue">当前</Tag>}
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(entry.editedAt)}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {entry.editedBy}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </nav>
        <div style={{ flex: 1, overflowY: 'auto', padding: 24 }}>
          <VersionContent policyId={policy.id} version={selected} />
        </div>
      </Flex>
    </Drawer>
  );
}

function VersionContent({ policyId, version }: { policyId: string; version: number }) {
  const query = usePolicyVersion(policyId, version);
  if (query.isPending) return <Spin style={{ display: 'block', marginTop: 48 }} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} title="版本加载失败" />;
  const entry = query.data;
  return (
    <Flex vertical gap={12}>
      {!entry.current && <Alert type="warning" showIcon title={`这是第 ${entry.version} 版，已被更新的版本取代，仅供查阅`} />}
      <Typography.Title level={4} style={{ margin: 0 }}>
        {entry.title}
      </Typography.Title>
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'number', label: '文号', children: entry.documentNumber || '—' },
          { key: 'category', label: '类别', children: POLICY_CATEGORY_LABELS[entry.category] },
          { key: 'issuer', label: '发文机关', children: entry.issuingBody },
          { key: 'publish', label: '发布日期', children: entry.publishDate },
          { key: 'period', label: '施行期', children: `${entry.effectiveFrom ?? entry.publishDate} 至 ${entry.effectiveTo ?? '长期'}` },
          { key: 'edited', label: '保存于', children: `${formatDateTime(entry.editedAt)}${entry.editedBy ? `（${entry.editedBy}）` : ''}` },
        ]}
      />
      <Divider titlePlacement="start" plain>
        政策解读
      </Divider>
      {entry.interpretation ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{entry.interpretation}</Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">无</Typography.Text>
      )}
      <Divider titlePlacement="start" plain>
        正文
      </Divider>
      {entry.bodyHtml ? <RichTextView html={entry.bodyHtml} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无正文" />}
      <Divider titlePlacement="start" plain>
        附件
      </Divider>
      <AttachmentList attachments={entry.attachments} />
    </Flex>
  );
}
