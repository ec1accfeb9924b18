import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Space, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { SubsidyRuleSetSummary } from '@anqian/shared';
import { ErrorState } from '@/components/error-state';
import { isApiError } from '@/lib/api-client';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { formatDateTimeShort } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useRuleSetList } from '@/features/subsidies/api/list-rule-sets';
import { useDeleteRuleSet } from '@/features/subsidies/api/save-rule-set';
import { RuleSetPhaseTag } from '@/features/subsidies/components/rule-set-phase-tag';

export function RuleSetsPage() {
  useDocumentTitle('补助标准');
  const session = useCurrentSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const ruleSets = useRuleSetList();
  const remove = useDeleteRuleSet();
  const canManage = hasRole(session, ['county_admin']);
  const inForce = ruleSets.data?.items.find((ruleSet) => ruleSet.phase === 'in_force');

  const deleteRuleSet = (ruleSet: SubsidyRuleSetSummary) =>
    remove.mutateAsync(ruleSet.id).then(
      () => void message.success(`已删除“${ruleSet.name}”`),
      (error: unknown) => void message.error(isApiError(error) ? error.message : '删除未完成，请稍后再试'),
    );

  const columns: TableColumnsType<SubsidyRuleSetSummary> = [
    { title: '名称', dataIndex: 'name', render: (name: string, ruleSet) => <Link to={`/subsidy-rule-sets/${ruleSet.id}`}>{name}</Link> },
    { title: '执行期', key: 'period', width: 220, render: (_value, ruleSet) => `${ruleSet.effectiveFrom} 至 ${ruleSet.effectiveTo}` },
    { title: '状态', dataIndex: 'phase', width: 90, render: (phase: SubsidyRuleSetSummary['phase']) => <RuleSetPhaseTag phase={phase} /> },
    { title: '版本', dataIndex: 'version', width: 70, align: 'right', render: (version: number) => `v${version}` },
    {
      title: '最后修改',
      key: 'updated',
      width: 240,
      render: (_value, ruleSet) => `${formatDateTimeShort(ruleSet.updatedAt)} ${ruleSet.updatedBy}`,
    },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      render: (_value, ruleSet) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => void navigate(`/subsidy-rule-sets/${ruleSet.id}`)}>
            {canManage ? '编辑' : '查看'}
          </Button>
          {canManage && ruleSet.phase === 'upcoming' && (
            <Popconfirm
              title={`删除“${ruleSet.name}”？`}
              description="尚未开始执行的标准可以删除，删除后无法恢复。"
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => deleteRuleSet(ruleSet)}
            >
              <Button type="link" size="small" danger>
                删除
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="补助标准"
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/subsidy-rule-sets/new')}>
            新建补助标准
          </Button>
        )
      }
    >
      {ruleSets.isError && !ruleSets.data ? (
        <ErrorState error={ruleSets.error} onRetry={() => void ruleSets.refetch()} title="补助标准加载失败" />
      ) : (
        <Flex vertical gap={16}>
          {ruleSets.data && (
            <Alert
              type={inForce ? 'info' : 'warning'}
              showIcon
              title={inForce ? `今天执行的是“${inForce.name}”（第 ${inForce.version} 版）` : '今天没有正在执行的补助标准，登记上暂时无法估算补助'}
              description={
                canManage
                  ? '每套标准有自己的执行期，执行期不能重叠。修改正在执行的标准会改变未审批登记的测算金额；已审批登记的金额在审批时已固定，不会变。'
                  : '补助标准由县级管理员设置，乡镇工作人员可以查看。'
              }
            />
          )}
          <Table<SubsidyRuleSetSummary>
            rowKey="id"
            columns={columns}
            dataSource={ruleSets.data?.items}
            loading={ruleSets.isFetching}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={<Typography.Text type="secondary">还没有补助标准{canManage ? '，点右上角“新建补助标准”开始设置' : ''}</Typography.Text>}
                />
              ),
            }}
          />
        </Flex>
      )}
    </Card>
  );
}
