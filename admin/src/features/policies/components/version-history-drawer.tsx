import { Alert, Descriptions, Divider, Empty, Flex, Spin, Typography } from 'antd';
import { POLICY_CATEGORY_LABELS, type StaffPolicyDetail } from '@anqian/shared';
import { ErrorState } from '@/components/error-state';
import { VersionsDrawer } from '@/components/versions-drawer';
import { formatDateTime } from '@/lib/format';
import { usePolicyVersion } from '@/features/policies/api/get-policy-version';
import { AttachmentList } from '@/features/policies/components/attachment-list';
import { RichTextView } from '@/components/rich-text/rich-text-view';

type Props = { policy: StaffPolicyDetail; open: boolean; onClose: () => void };

/** Every version stays readable: residents may have acted on an earlier text. */
export function VersionHistoryDrawer({ policy, open, onClose }: Props) {
  const versions = [
    { version: policy.version, savedAt: policy.updatedAt, savedBy: policy.editedBy, current: true },
    ...policy.history.map((entry) => ({ version: entry.version, savedAt: entry.editedAt, savedBy: entry.editedBy, current: false })),
  ];
  return (
    <VersionsDrawer open={open} onClose={onClose} versions={versions}>
      {(version) => <VersionContent policyId={policy.id} version={version} />}
    </VersionsDrawer>
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
