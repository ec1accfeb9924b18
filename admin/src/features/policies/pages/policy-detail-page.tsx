import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Row, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, HistoryOutlined, PushpinFilled } from '@ant-design/icons';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import {
  chinaDate,
  POLICY_CATEGORY_LABELS,
  POLICY_VALIDITY_LABELS,
  policyValidity,
  type PolicyAction,
  type StaffPolicyDetail,
} from '@anqian/shared';
import { DetailLoadError } from '@/components/detail-load-error';
import { FullPageSpin } from '@/components/full-page-spin';
import { isApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useChangePolicyStatus, useDeletePolicy } from '@/features/policies/api/change-policy-status';
import { usePolicy } from '@/features/policies/api/get-policy';
import { AttachmentList } from '@/features/policies/components/attachment-list';
import { PolicyStatusTag } from '@/features/policies/components/policy-status-tag';
import { RichTextView } from '@/components/rich-text/rich-text-view';
import { VersionHistoryDrawer } from '@/features/policies/components/version-history-drawer';

export function PolicyDetailPage() {
  const { id = '' } = useParams();
  const policy = usePolicy(id);
  useDocumentTitle(policy.data?.title ?? '政策文件');

  if (policy.isPending) return <FullPageSpin />;
  if (policy.isError) {
    return (
      <DetailLoadError
        error={policy.error}
        onRetry={() => void policy.refetch()}
        errorTitle="政策文件加载失败"
        notFound={{ title: '政策文件不存在', subTitle: '这份文件不存在、已被删除，或是您无权查看的草稿。', backTo: '/policies', backLabel: '返回政策文件' }}
      />
    );
  }
  return <PolicyView policy={policy.data} />;
}

const CONFIRM: Record<PolicyAction, { title: string; content: string; okText: string; danger?: boolean }> = {
  publish: {
    title: '发布这份文件？',
    content: '发布后全县居民都能在小程序中查看和搜索到它。',
    okText: '发布',
  },
  archive: {
    title: '归档这份文件？',
    content: '归档后居民在列表和搜索中看不到它，但引用它的补助标准和已审批的登记仍可打开查阅。可以随时重新发布。',
    okText: '归档',
  },
  delete: {
    title: '删除这份草稿？',
    content: '删除后无法恢复。',
    okText: '删除',
    danger: true,
  },
};

function PolicyView({ policy }: { policy: StaffPolicyDetail }) {
  const navigate = useNavigate();
  const location = useLocation();
  const { message, modal } = App.useApp();
  const changeStatus = useChangePolicyStatus();
  const remove = useDeletePolicy();
  const [historyOpen, setHistoryOpen] = useState(false);
  const goBack = () => void (location.key === 'default' ? navigate('/policies') : navigate(-1));
  const validity = policyValidity(policy, chinaDate());

  const run = (action: PolicyAction) => {
    const confirm = CONFIRM[action];
    modal.confirm({
      title: confirm.title,
      content: confirm.content,
      okText: confirm.okText,
      okButtonProps: { danger: confirm.danger },
      cancelText: '取消',
      onOk: async () => {
        try {
          if (action === 'delete') {
            await remove.mutateAsync(policy.id);
            void message.success('草稿已删除');
            void navigate('/policies', { replace: true });
          } else {
            await changeStatus.mutateAsync({ id: policy.id, action });
            void message.success(action === 'publish' ? '已发布' : '已归档');
          }
        } catch (error) {
          void message.error(isApiError(error) ? error.message : '操作未完成，请稍后再试');
        }
      },
    });
  };

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <Flex vertical gap={8} style={{ minWidth: 0, flex: 1 }}>
            <Space align="start">
              <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回" onClick={goBack} />
              <Typography.Title level={3} style={{ margin: 0 }}>
                {policy.title}
              </Typography.Title>
            </Space>
            <Space wrap>
              <PolicyStatusTag status={policy.status} />
              <Tag>{POLICY_CATEGORY_LABELS[policy.category]}</Tag>
              <Tag color={validity === 'in_force' ? 'green' : 'default'}>{POLICY_VALIDITY_LABELS[validity]}</Tag>
              {policy.pinned && (
                <Tag icon={<PushpinFilled />} color="volcano">
                  置顶
                </Tag>
              )}
              <Typography.Text type="secondary">第 {policy.version} 版</Typography.Text>
            </Space>
          </Flex>
          <Space wrap>
            {policy.history.length > 0 && (
              <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>
                历史版本（{policy.history.length}）
              </Button>
            )}
            {policy.canEdit && (
              <Button icon={<EditOutlined />} onClick={() => void navigate(`/policies/${policy.id}/edit`)}>
                编辑
              </Button>
            )}
            {policy.allowedActions.includes('delete') && (
              <Button danger onClick={() => run('delete')}>
                删除
              </Button>
            )}
            {policy.allowedActions.includes('archive') && <Button onClick={() => run('archive')}>归档</Button>}
            {policy.allowedActions.includes('publish') && (
              <Button type="primary" onClick={() => run('publish')}>
                {policy.status === 'archived' ? '重新发布' : '发布'}
              </Button>
            )}
          </Space>
        </Flex>
      </Card>
      {!policy.canEdit && (
        <Alert type="info" showIcon title={`这份文件由${policy.divisionName}维护，您可以查看，不能修改。`} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Card title="政策解读">
              {policy.interpretation ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{policy.interpretation}</Typography.Paragraph>
              ) : (
                <Typography.Text type="secondary">还没有填写政策解读</Typography.Text>
              )}
            </Card>
            <Card title="正文">
              <RichTextView html={policy.bodyHtml} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card title="文件信息">
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'number', label: '文号', children: policy.documentNumber || '—' },
                  { key: 'issuer', label: '发文机关', children: policy.issuingBody },
                  { key: 'owner', label: '发布单位', children: policy.divisionName },
                  { key: 'publish', label: '发布日期', children: policy.publishDate },
                  { key: 'from', label: '施行日期', children: policy.effectiveFrom ?? '自发布之日起' },
                  { key: 'to', label: '失效日期', children: policy.effectiveTo ?? '长期有效' },
                  { key: 'publishedAt', label: '首次发布', children: policy.publishedAt ? formatDateTime(policy.publishedAt) : '尚未发布' },
                  { key: 'updated', label: '最后修改', children: `${formatDateTime(policy.updatedAt)}（${policy.editedBy}）` },
                ]}
              />
            </Card>
            <Card title={`附件（${policy.attachments.length}）`}>
              <AttachmentList attachments={policy.attachments} />
            </Card>
          </Flex>
        </Col>
      </Row>
      <VersionHistoryDrawer key={policy.version} policy={policy} open={historyOpen} onClose={() => setHistoryOpen(false)} />
    </Flex>
  );
}
