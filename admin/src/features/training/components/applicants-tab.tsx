import { useState } from 'react';
import { App, Button, Flex, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { TRAINING_APPLICATION_STATUS_LABELS, type StaffCourse, type StaffTrainingApplication, type TrainingApplicationStatus } from '@anqian/shared';
import { ErrorState } from '@/components/error-state';
import { formatDateTime } from '@/lib/format';
import { useAdmitPending, useDecideApplication } from '@/features/training/api/decide-application';
import { useApplications } from '@/features/training/api/list-applications';
import { askReason } from '@/features/training/components/ask-reason';
import { ApplicationStatusTag } from '@/features/training/components/status-tags';

const FILTERS: (TrainingApplicationStatus | 'all')[] = ['all', 'pending', 'confirmed', 'waitlisted', 'rejected', 'removed', 'cancelled'];

/** Applicants, priority first; hr_staff admit, reject with a reason, or remove an admitted trainee. */
export function ApplicantsTab({ course, canManage }: { course: StaffCourse; canManage: boolean }) {
  const [status, setStatus] = useState<TrainingApplicationStatus | 'all'>('all');
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const applications = useApplications(course.id, { ...page, status: status === 'all' ? undefined : status });
  const decide = useDecideApplication();
  const admitPending = useAdmitPending(course.id);
  const app = App.useApp();
  const { modal, message } = app;
  const deciding = course.status === 'published' || course.status === 'closed';

  const admit = (application: StaffTrainingApplication) =>
    decide.mutate(
      { id: application.id, decision: 'admit' },
      {
        onSuccess: (result) => void message.success(result.status === 'confirmed' ? `已录取 ${result.name}` : `名额已满，${result.name} 进入候补第 ${result.waitlistPosition} 位`),
        onError: (error) => void message.error(error.message),
      },
    );

  const refuse = (application: StaffTrainingApplication, decision: 'reject' | 'remove') =>
    askReason(app, {
      title: decision === 'reject' ? `${application.name}：不予通过？` : `把 ${application.name} 移出培训班？`,
      text: decision === 'reject' ? '报名的群众会看到原因。' : '名额会立即给候补第一位，并通知他。移出后不能恢复。',
      okText: decision === 'reject' ? '不予通过' : '确认移出',
      danger: true,
      onOk: (reason) =>
        decide.mutateAsync({ id: application.id, decision, reason }).then(
          () => void message.success(decision === 'reject' ? '已不予通过' : '已移出'),
          (error: Error) => void message.error(error.message),
        ),
    });

  const confirmAdmitPending = () =>
    modal.confirm({
      title: '按顺序录取全部待审核？',
      content: `审批通过的搬迁户优先，再按报名先后，录满 ${course.capacity} 人为止；其余进入候补。被录取的群众会收到通知。`,
      okText: '录取',
      onOk: () =>
        admitPending.mutateAsync().then(
          (result) => void message.success(`录取 ${result.admitted} 人，候补 ${result.waitlisted} 人`),
          (error: Error) => void message.error(error.message),
        ),
    });

  const counts = applications.data?.counts;
  const columns: TableColumnsType<StaffTrainingApplication> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 150,
      render: (name: string, item) => (
        <Flex vertical>
          <Space size={4}>
            <Typography.Text strong>{name}</Typography.Text>
            {item.priority && <Tag color="magenta">搬迁户优先</Tag>}
          </Space>
          <Typography.Text type="secondary">{`${item.relation} · ${item.age} 岁`}</Typography.Text>
        </Flex>
      ),
    },
    { title: '身份证号', dataIndex: 'idNumberMasked', width: 170 },
    { title: '村（社区）', key: 'place', width: 180, render: (_value, item) => `${item.townshipName} ${item.villageName}` },
    { title: '手机', dataIndex: 'phoneMasked', width: 120, render: (phone: string | null) => phone ?? '—' },
    { title: '报名', key: 'applied', width: 170, render: (_value, item) => <Flex vertical><span>{formatDateTime(item.appliedAt)}</span><Typography.Text type="secondary">{item.appliedBy.kind === 'staff' ? `${item.appliedBy.name} 代报名` : '本人报名'}</Typography.Text></Flex> },
    { title: '状态', key: 'status', width: 170, render: (_value, item) => <Flex vertical><ApplicationStatusTag status={item.status} position={item.waitlistPosition} />{item.reason && <Typography.Text type="secondary">{item.reason}</Typography.Text>}</Flex> },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'actions',
            fixed: 'right' as const,
            width: 170,
            render: (_value: unknown, item: StaffTrainingApplication) => (
              <Space size={0}>
                {deciding && item.status === 'pending' && <Button type="link" size="small" onClick={() => admit(item)}>录取</Button>}
                {deciding && (item.status === 'pending' || item.status === 'waitlisted') && <Button type="link" size="small" danger onClick={() => refuse(item, 'reject')}>不予通过</Button>}
                {item.status === 'confirmed' && !['finished', 'cancelled'].includes(course.status) && <Button type="link" size="small" danger onClick={() => refuse(item, 'remove')}>移出</Button>}
              </Space>
            ),
          },
        ]
      : []),
  ];

  if (applications.isError && !applications.data) return <ErrorState error={applications.error} onRetry={() => void applications.refetch()} title="报名名单加载失败" />;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8}>
        <Segmented<TrainingApplicationStatus | 'all'>
          value={status}
          onChange={(next) => { setStatus(next); setPage((current) => ({ ...current, page: 1 })); }}
          options={FILTERS.map((value) => ({
            value,
            label: value === 'all' ? '全部' : `${TRAINING_APPLICATION_STATUS_LABELS[value]}${counts ? ` ${counts[value]}` : ''}`,
          }))}
        />
        {canManage && deciding && (
          <Button type="primary" disabled={!counts?.pending} loading={admitPending.isPending} onClick={confirmAdmitPending}>
            按顺序录取全部待审核
          </Button>
        )}
      </Flex>
      <Table<StaffTrainingApplication>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={applications.data?.items}
        loading={applications.isFetching}
        scroll={{ x: 1100 }}
        locale={{ emptyText: status === 'all' ? '还没有人报名' : `没有${TRAINING_APPLICATION_STATUS_LABELS[status as TrainingApplicationStatus]}的报名` }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: applications.data?.total ?? 0, showTotal: (total) => `共 ${total} 人`, onChange: (next, size) => setPage({ page: next, pageSize: size }) }}
      />
    </Flex>
  );
}
