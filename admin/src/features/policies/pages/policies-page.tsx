import { Button, Card, Flex, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { PaperClipOutlined, PlusOutlined, PushpinFilled } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { AREA_OFFICE_ROLES, POLICY_CATEGORIES, POLICY_CATEGORY_LABELS, POLICY_STATUSES, type PolicySummary } from '@anqian/shared';
import { ListTable } from '@/components/list-table';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { formatDateTimeShort } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useListParams } from '@/lib/use-list-params';
import { usePolicyList } from '@/features/policies/api/list-policies';
import { PolicyFilters } from '@/features/policies/components/policy-filters';
import { PolicyStatusTag } from '@/features/policies/components/policy-status-tag';

const FILTER_KEYS = ['category', 'status', 'q'] as const;

export function PoliciesPage() {
  useDocumentTitle('政策文件');
  const session = useCurrentSession();
  const navigate = useNavigate();
  const list = useListParams(FILTER_KEYS);
  const { filters } = list;
  const canWrite = hasRole(session, AREA_OFFICE_ROLES);

  const policies = usePolicyList({
    page: list.page,
    pageSize: list.pageSize,
    category: POLICY_CATEGORIES.find((category) => category === filters.category),
    status: POLICY_STATUSES.find((status) => status === filters.status),
    q: filters.q,
  });

  const columns: TableColumnsType<PolicySummary> = [
    {
      title: '标题',
      dataIndex: 'title',
      render: (title: string, policy) => (
        <Space size={4} align="start">
          {policy.pinned && (
            <Tooltip title="置顶">
              <PushpinFilled style={{ color: '#d4380d' }} aria-label="置顶" />
            </Tooltip>
          )}
          <Link to={`/policies/${policy.id}`}>{title}</Link>
        </Space>
      ),
    },
    { title: '文号', dataIndex: 'documentNumber', width: 170, render: (value: string) => value || '—' },
    { title: '类别', dataIndex: 'category', width: 100, render: (value: PolicySummary['category']) => <Tag>{POLICY_CATEGORY_LABELS[value]}</Tag> },
    { title: '发文机关', dataIndex: 'issuingBody', width: 170, ellipsis: { showTitle: true } },
    { title: '所属', dataIndex: 'divisionName', width: 90 },
    { title: '发布日期', dataIndex: 'publishDate', width: 110 },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (status: PolicySummary['status'], policy) => (
        <Space size={2}>
          <PolicyStatusTag status={status} />
          {policy.version > 1 && <Typography.Text type="secondary">v{policy.version}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '附件',
      dataIndex: 'attachmentCount',
      width: 70,
      align: 'right',
      render: (count: number) => (count > 0 ? <Space size={2}><PaperClipOutlined />{count}</Space> : '—'),
    },
    { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: (value: string) => formatDateTimeShort(value) },
  ];

  return (
    <Card
      title="政策文件"
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/policies/new')}>
            新建政策文件
          </Button>
        )
      }
    >
      <Flex vertical gap={16}>
        <PolicyFilters
          values={filters}
          onSearch={(next) => {
            if (!list.setFilters(next)) void policies.refetch();
          }}
        />
        <ListTable<PolicySummary>
          query={policies}
          list={list}
          errorTitle="政策文件加载失败"
          empty={{ filtered: '没有符合条件的政策文件，试试调整筛选条件', none: '还没有政策文件' }}
          totalLabel={(total) => `共 ${total} 份文件`}
          columns={columns}
          scroll={{ x: 1200 }}
        />
      </Flex>
    </Card>
  );
}
