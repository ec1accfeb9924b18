import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Popconfirm, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { type Employer, EMPLOYER_STATUS_LABELS, EMPLOYER_STATUSES, HR_ROLES } from '@anqian/shared';
import { FilterForm } from '@/components/filter-form';
import { ListTable } from '@/components/list-table';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { formatDate } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useListParams } from '@/lib/use-list-params';
import { useEmployerList } from '@/features/jobs/api/list-employers';
import { useSetEmployerStatus } from '@/features/jobs/api/set-employer-status';
import { EmployerFormModal, type EmployerFormTarget } from '@/features/jobs/components/employer-form-modal';

const FILTER_KEYS = ['status', 'q'] as const;
const STATUS_OPTIONS = EMPLOYER_STATUSES.map((value) => ({ value, label: EMPLOYER_STATUS_LABELS[value] }));

export function EmployersPage() {
  useDocumentTitle('用工单位');
  const session = useCurrentSession();
  const { message } = App.useApp();
  const list = useListParams(FILTER_KEYS);
  const [formTarget, setFormTarget] = useState<EmployerFormTarget | null>(null);
  const canManage = hasRole(session, HR_ROLES);
  const setStatus = useSetEmployerStatus();
  const { filters } = list;

  const employers = useEmployerList({
    page: list.page,
    pageSize: list.pageSize,
    status: EMPLOYER_STATUSES.find((status) => status === filters.status),
    q: filters.q,
  });

  const columns: TableColumnsType<Employer> = [
    { title: '单位名称', dataIndex: 'name', width: 200, render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { title: '统一社会信用代码', dataIndex: 'creditCode', width: 190, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
    { title: '行业', dataIndex: 'industry', width: 100 },
    { title: '所在地', dataIndex: 'divisionName', width: 100 },
    { title: '联系人', key: 'contact', width: 170, render: (_value, employer) => `${employer.contactName} ${employer.contactPhoneMasked}` },
    {
      title: '状态',
      dataIndex: 'status',
      width: 80,
      render: (status: Employer['status']) => <Tag color={status === 'active' ? 'success' : 'default'}>{EMPLOYER_STATUS_LABELS[status]}</Tag>,
    },
    { title: '登记日期', dataIndex: 'createdAt', width: 110, render: formatDate },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'actions',
            fixed: 'right' as const,
            width: 130,
            render: (_value: unknown, employer: Employer) => {
              const action = employer.status === 'active' ? 'suspend' : 'activate';
              return (
                <Flex gap={4}>
                  <Button type="link" size="small" onClick={() => setFormTarget({ mode: 'edit', employer })} aria-label={`编辑${employer.name}`}>
                    编辑
                  </Button>
                  <Popconfirm
                    title={action === 'suspend' ? `暂停与“${employer.name}”的合作？` : `恢复与“${employer.name}”的合作？`}
                    description={action === 'suspend' ? '暂停后它的岗位不再向群众展示，也不能投递。' : '恢复后它招聘中的岗位重新向群众展示。'}
                    onConfirm={() =>
                      setStatus.mutateAsync({ id: employer.id, action }).then(() => void message.success(action === 'suspend' ? '已暂停合作' : '已恢复合作'))
                    }
                  >
                    <Button type="link" size="small" danger={action === 'suspend'}>
                      {action === 'suspend' ? '暂停' : '恢复'}
                    </Button>
                  </Popconfirm>
                </Flex>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <Card
      title="用工单位"
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })}>
            新建用工单位
          </Button>
        )
      }
    >
      <Flex vertical gap={16}>
        <FilterForm
          name="employer-filters"
          label="筛选用工单位"
          values={filters}
          onSearch={(next) => {
            if (!list.setFilters(next)) void employers.refetch();
          }}
        >
          <Form.Item label="状态" name="status">
            <Select placeholder="全部" allowClear options={STATUS_OPTIONS} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item label="搜索" name="q">
            <Input placeholder="单位名称或信用代码" allowClear maxLength={50} style={{ width: 200 }} />
          </Form.Item>
        </FilterForm>
        <ListTable<Employer>
          query={employers}
          list={list}
          errorTitle="用工单位加载失败"
          empty={{ filtered: '没有符合条件的用工单位，试试调整筛选条件', none: canManage ? '还没有用工单位，点右上角“新建用工单位”登记第一家' : '还没有用工单位' }}
          totalLabel={(total) => `共 ${total} 家单位`}
          columns={columns}
          scroll={{ x: 1100 }}
        />
      </Flex>
      {canManage && <EmployerFormModal target={formTarget} onClose={() => setFormTarget(null)} />}
    </Card>
  );
}
