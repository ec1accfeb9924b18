import { useState } from 'react';
import { App, Button, Card, Flex, Input, Space, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { HR_ROLES, type JobFair } from '@anqian/shared';
import { ListTable } from '@/components/list-table';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useListParams } from '@/lib/use-list-params';
import { useCancelJobFair, usePublishJobFair } from '@/features/job-fairs/api/change-job-fair-status';
import { useJobFairList } from '@/features/job-fairs/api/list-job-fairs';
import { FairPhaseTag } from '@/features/job-fairs/components/fair-phase-tag';
import { JobFairFormModal, type JobFairFormTarget } from '@/features/job-fairs/components/job-fair-form-modal';

const FILTER_KEYS = [] as const;

export function JobFairsPage() {
  useDocumentTitle('招聘会');
  const session = useCurrentSession();
  const list = useListParams(FILTER_KEYS);
  const canManage = hasRole(session, HR_ROLES);
  const fairs = useJobFairList({ page: list.page, pageSize: list.pageSize });
  const [formTarget, setFormTarget] = useState<JobFairFormTarget | null>(null);
  const { modal, message } = App.useApp();
  const publish = usePublishJobFair();
  const cancel = useCancelJobFair();

  const confirmPublish = (fair: JobFair) =>
    modal.confirm({
      title: `发布“${fair.title}”？`,
      content: `发布后群众即可在小程序报名（${fair.date} ${fair.startTime} 开始，限 ${fair.capacity} 人），报名满员或开始时自动截止。`,
      okText: '发布',
      onOk: () =>
        publish.mutateAsync(fair.id).then(
          () => void message.success('已发布，群众现在可以报名'),
          (error: Error) => void message.error(error.message),
        ),
    });

  const confirmCancel = (fair: JobFair) => {
    let reason = '';
    modal.confirm({
      title: `取消“${fair.title}”？`,
      content: (
        <Flex vertical gap={8}>
          <Typography.Text>已报名的 {fair.taken} 人会看到取消原因。取消后不能恢复。</Typography.Text>
          <Input.TextArea aria-label="取消原因" maxLength={200} rows={3} placeholder="取消原因（必填）" onChange={(event) => (reason = event.target.value)} />
        </Flex>
      ),
      okText: '确认取消',
      okButtonProps: { danger: true },
      cancelText: '返回',
      onOk: async () => {
        if (reason.trim().length < 2) {
          void message.warning('请填写取消原因');
          throw new Error('reason required');
        }
        await cancel.mutateAsync({ id: fair.id, reason: reason.trim() }).then(
          () => void message.success('招聘会已取消'),
          (error: Error) => void message.error(error.message),
        );
      },
    });
  };

  const columns: TableColumnsType<JobFair> = [
    {
      title: '招聘会',
      dataIndex: 'title',
      render: (title: string, fair) => (
        <Flex vertical>
          <Link to={`/job-fairs/${fair.id}`}>
            <Typography.Text strong>{title}</Typography.Text>
          </Link>
          <Typography.Text type="secondary">{fair.organiser}</Typography.Text>
        </Flex>
      ),
    },
    { title: '时间', key: 'time', width: 170, render: (_value, fair) => `${fair.date} ${fair.startTime}-${fair.endTime}` },
    { title: '地点', dataIndex: 'venue', width: 200, ellipsis: { showTitle: true } },
    { title: '参会单位', key: 'employers', width: 90, render: (_value, fair) => `${fair.employers.length} 家` },
    { title: '报名', key: 'taken', width: 110, render: (_value, fair) => `${fair.taken} / ${fair.capacity}` },
    { title: '状态', dataIndex: 'phase', width: 90, render: (phase: JobFair['phase']) => <FairPhaseTag phase={phase} /> },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      width: 230,
      render: (_value, fair) => (
        <Space size={0}>
          <Link to={`/job-fairs/${fair.id}`}>
            <Button type="link" size="small">{fair.status === 'published' ? '签到与统计' : '查看'}</Button>
          </Link>
          {canManage && (fair.phase === 'draft' || fair.phase === 'open' || fair.phase === 'full') && (
            <Button type="link" size="small" onClick={() => setFormTarget({ mode: 'edit', fair })}>编辑</Button>
          )}
          {canManage && fair.status === 'draft' && (
            <Button type="link" size="small" onClick={() => confirmPublish(fair)}>发布</Button>
          )}
          {canManage && fair.status !== 'cancelled' && fair.phase !== 'ended' && (
            <Button type="link" size="small" danger onClick={() => confirmCancel(fair)}>取消</Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="招聘会"
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })}>
            新建招聘会
          </Button>
        )
      }
    >
      <ListTable<JobFair>
        query={fairs}
        list={list}
        errorTitle="招聘会加载失败"
        empty={{ filtered: '没有符合条件的招聘会', none: '还没有招聘会' }}
        totalLabel={(total) => `共 ${total} 场招聘会`}
        columns={columns}
        scroll={{ x: 1100 }}
      />
      {canManage && <JobFairFormModal target={formTarget} onClose={() => setFormTarget(null)} />}
    </Card>
  );
}
