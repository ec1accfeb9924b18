import { useState } from 'react';
import { Button, Card, Flex, Tag, Tooltip, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { STAFF_ROLE_LABELS, STAFF_ROLES, type StaffRole, type StaffUser } from '@anqian/shared';
import { ListTable } from '@/components/list-table';
import { useCurrentSession } from '@/lib/auth';
import { formatDateTime, formatDateTimeShort } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useListParams } from '@/lib/use-list-params';
import { useStaffList } from '@/features/staff/api/list-staff';
import { StaffFilters } from '@/features/staff/components/staff-filters';
import { StaffFormModal, type StaffFormTarget } from '@/features/staff/components/staff-form-modal';
import { StaffPhoneCell } from '@/features/staff/components/staff-phone-cell';
import { isLocked, StaffRowActions } from '@/features/staff/components/staff-row-actions';
import { TemporaryPasswordModal, type TemporaryPasswordNotice } from '@/features/staff/components/temporary-password-modal';

const FILTER_KEYS = ['q', 'role', 'status', 'divisionCode'] as const;

export function StaffPage() {
  useDocumentTitle('人员管理');
  const session = useCurrentSession();
  const list = useListParams(FILTER_KEYS);
  const [formTarget, setFormTarget] = useState<StaffFormTarget | null>(null);
  const [notice, setNotice] = useState<TemporaryPasswordNotice | null>(null);

  const { filters } = list;
  const staff = useStaffList({
    page: list.page,
    pageSize: list.pageSize,
    q: filters.q,
    role: STAFF_ROLES.find((role) => role === filters.role),
    status: filters.status === 'active' || filters.status === 'disabled' ? filters.status : undefined,
    divisionCode: filters.divisionCode,
  });

  const columns: TableColumnsType<StaffUser> = [
    { title: '用户名', dataIndex: 'username', width: 120 },
    {
      title: '姓名',
      dataIndex: 'displayName',
      width: 150,
      render: (name: string, user) => (
        <>
          {name}
          {user.id === session.user.id && (
            <Tag style={{ marginInlineStart: 8 }} color="processing">
              本人
            </Tag>
          )}
        </>
      ),
    },
    {
      title: '角色',
      dataIndex: 'role',
      width: 110,
      render: (role: StaffRole, user) => (
        <Flex vertical align="flex-start" gap={4}>
          {STAFF_ROLE_LABELS[role]}
          {user.canExportPersonalData && (
            <Tooltip title="可导出含完整身份证号和手机号的台账">
              <Tag color="orange">可导出完整信息</Tag>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    { title: '所属区划', dataIndex: 'divisionName', width: 150 },
    { title: '手机号', key: 'phone', width: 175, render: (_value, user) => <StaffPhoneCell user={user} /> },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_value, user) => (
        <Flex gap={4} wrap>
          {user.status === 'active' ? <Tag color="success">正常</Tag> : <Tag color="default">已停用</Tag>}
          {isLocked(user) && (
            <Tooltip title={`密码错误次数过多，锁定至 ${formatDateTime(user.lockedUntil)}`}>
              <Tag color="warning">已锁定</Tag>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 110, render: (value: string | null) => formatDateTimeShort(value) },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      width: 215,
      render: (_value, user) => (
        <StaffRowActions
          user={user}
          isSelf={user.id === session.user.id}
          onEdit={(target) => setFormTarget({ mode: 'edit', user: target })}
          onPasswordReset={setNotice}
        />
      ),
    },
  ];

  return (
    <Card
      title="人员管理"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })}>
          新建账号
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <StaffFilters
          values={filters}
          // Searching again with unchanged filters means "refresh".
          onSearch={(next) => {
            if (!list.setFilters(next)) void staff.refetch();
          }}
        />
        <ListTable<StaffUser>
          query={staff}
          list={list}
          errorTitle="账号列表加载失败"
          empty={{ filtered: '没有符合条件的账号，试试调整筛选条件', none: '还没有工作人员账号' }}
          totalLabel={(total) => `共 ${total} 个账号`}
          columns={columns}
          scroll={{ x: 1120 }}
        />
      </Flex>
      <StaffFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onCreated={({ user, temporaryPassword }) => {
          setFormTarget(null);
          setNotice({ reason: 'created', username: user.username, displayName: user.displayName, temporaryPassword });
        }}
      />
      <TemporaryPasswordModal notice={notice} onClose={() => setNotice(null)} />
    </Card>
  );
}
