import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Flex, Select, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import {
  FOOD_AND_LODGING_LABELS,
  HR_ROLES,
  JOB_APPLICATION_ACTION_LABELS,
  JOB_APPLICATION_STATUS_LABELS,
  JOB_APPLICATION_STATUSES,
  JOB_CATEGORY_LABELS,
  type JobApplicationStatus,
  type StaffJobApplication,
  type StaffJobApplicationAction,
  type StaffJobPosting,
} from '@anqian/shared';
import { DetailLoadError } from '@/components/detail-load-error';
import { ErrorState } from '@/components/error-state';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { formatDateTimeShort } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePosting } from '@/features/jobs/api/get-posting';
import { useApplicationList } from '@/features/jobs/api/list-applications';
import { ApplicationActionModal, type ApplicationActionTarget } from '@/features/jobs/components/application-action-modal';
import { PostingStatusActions } from '@/features/jobs/components/posting-status-actions';
import { PostingStatusTag } from '@/features/jobs/components/posting-status-tag';

const STATUS_COLORS: Record<JobApplicationStatus, string> = {
  submitted: 'processing',
  viewed: 'default',
  invited: 'purple',
  hired: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export function PostingDetailPage() {
  const { id } = useParams();
  const posting = usePosting(id);
  useDocumentTitle(posting.data?.title ?? '岗位详情');
  if (!posting.data) {
    if (posting.isError) {
      return (
        <DetailLoadError
          error={posting.error}
          onRetry={() => void posting.refetch()}
          errorTitle="岗位加载失败"
          notFound={{ title: '岗位不存在', subTitle: '可能已被删除，或链接有误', backTo: '/job-postings', backLabel: '返回岗位列表' }}
        />
      );
    }
    return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  }
  return <PostingDetail posting={posting.data} />;
}

function PostingDetail({ posting }: { posting: StaffJobPosting }) {
  const session = useCurrentSession();
  const navigate = useNavigate();
  const canManage = hasRole(session, HR_ROLES);
  const canReadApplications = hasRole(session, ['hr_staff', 'county_admin']);
  const { requirements } = posting;
  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Flex gap={8} align="center">
            {posting.title}
            <PostingStatusTag posting={posting} />
            {posting.priorityRelocated && <Tag color="blue">优先招用搬迁群众</Tag>}
          </Flex>
        }
        extra={
          canManage && (
            <Flex gap={8}>
              {posting.canEdit && <Button onClick={() => void navigate(`/job-postings/${posting.id}/edit`)}>编辑</Button>}
              <PostingStatusActions posting={posting} />
            </Flex>
          )
        }
      >
        <Descriptions column={3} size="small">
          <Descriptions.Item label="用工单位">{posting.employerName}</Descriptions.Item>
          <Descriptions.Item label="类别">{JOB_CATEGORY_LABELS[posting.category]}</Descriptions.Item>
          <Descriptions.Item label="工作地点">{posting.workplaceName}</Descriptions.Item>
          <Descriptions.Item label="薪资">{posting.payLabel}</Descriptions.Item>
          <Descriptions.Item label="录用 / 招聘">{`${posting.hired} / ${posting.headcount} 人`}</Descriptions.Item>
          <Descriptions.Item label="截止日期">{posting.closingDate}</Descriptions.Item>
          <Descriptions.Item label="工作时间">{posting.hours}</Descriptions.Item>
          <Descriptions.Item label="食宿">{FOOD_AND_LODGING_LABELS[posting.foodAndLodging]}</Descriptions.Item>
          <Descriptions.Item label="交通">{posting.transport || '—'}</Descriptions.Item>
          <Descriptions.Item label="年龄">{`${requirements.ageMin}-${requirements.ageMax} 岁`}</Descriptions.Item>
          <Descriptions.Item label="技能" span={2}>
            {requirements.skills.length ? requirements.skills.map((skill) => <Tag key={skill}>{skill}</Tag>) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="其他要求" span={3}>
            {requirements.other || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="岗位描述" span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{posting.description || '—'}</Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {canReadApplications && <ApplicationsCard posting={posting} canManage={canManage} />}
    </Flex>
  );
}

function ApplicationsCard({ posting, canManage }: { posting: StaffJobPosting; canManage: boolean }) {
  const [status, setStatus] = useState<JobApplicationStatus | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const applications = useApplicationList(posting.id, { ...page, status });
  const [target, setTarget] = useState<ApplicationActionTarget | null>(null);
  const total = Object.values(posting.applicationCounts).reduce((sum, count) => sum + (count ?? 0), 0);

  const columns: TableColumnsType<StaffJobApplication> = [
    {
      title: '求职者',
      key: 'name',
      width: 150,
      render: (_value, application) => (
        <Flex vertical>
          <Typography.Text strong>{application.resume.name}</Typography.Text>
          <Typography.Text type="secondary">{application.resume.phoneMasked}</Typography.Text>
        </Flex>
      ),
    },
    { title: '技能', key: 'skills', width: 180, render: (_value, application) => (application.resume.skills.length ? application.resume.skills.map((skill) => <Tag key={skill}>{skill}</Tag>) : '—') },
    { title: '工作经历', key: 'experience', ellipsis: { showTitle: true }, render: (_value, application) => application.resume.experience || '—' },
    { title: '期望月薪', key: 'pay', width: 100, render: (_value, application) => (application.resume.wantedPayYuan ? `${application.resume.wantedPayYuan} 元` : '—') },
    { title: '投递时间', dataIndex: 'createdAt', width: 130, render: formatDateTimeShort },
    {
      title: '状态',
      key: 'status',
      width: 180,
      render: (_value, application) => {
        const last = application.timeline.at(-1);
        return (
          <Flex vertical gap={2}>
            <Tag color={STATUS_COLORS[application.status]} style={{ width: 'fit-content' }}>
              {JOB_APPLICATION_STATUS_LABELS[application.status]}
            </Tag>
            {last?.message && <Typography.Text type="secondary" ellipsis={{ tooltip: last.message }}>{`留言：${last.message}`}</Typography.Text>}
          </Flex>
        );
      },
    },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'actions',
            fixed: 'right' as const,
            width: 220,
            render: (_value: unknown, application: StaffJobApplication) => (
              <Flex gap={0} wrap>
                {application.allowedActions.map((action) => (
                  <Button
                    key={action}
                    type="link"
                    size="small"
                    danger={action === 'reject'}
                    onClick={() => setTarget({ application, action: action as StaffJobApplicationAction })}
                  >
                    {JOB_APPLICATION_ACTION_LABELS[action]}
                  </Button>
                ))}
                {application.allowedActions.length === 0 && <Typography.Text type="secondary">已办结</Typography.Text>}
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={`收到的投递（${total}）`}
      extra={
        <Select
          aria-label="按状态筛选投递"
          placeholder="全部状态"
          allowClear
          style={{ width: 130 }}
          value={status}
          onChange={(value?: JobApplicationStatus) => {
            setStatus(value);
            setPage((current) => ({ ...current, page: 1 }));
          }}
          options={JOB_APPLICATION_STATUSES.map((value) => ({ value, label: `${JOB_APPLICATION_STATUS_LABELS[value]}（${posting.applicationCounts[value] ?? 0}）` }))}
        />
      }
    >
      {applications.isError && !applications.data ? (
        <ErrorState error={applications.error} onRetry={() => void applications.refetch()} title="投递加载失败" />
      ) : (
        <Table<StaffJobApplication>
          rowKey="id"
          columns={columns}
          dataSource={applications.data?.items}
          loading={applications.isFetching}
          scroll={{ x: 1100 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={status ? '没有这个状态的投递' : posting.status === 'draft' ? '岗位发布后，群众的投递会显示在这里' : '还没有人投递'} /> }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: applications.data?.total ?? 0,
            showTotal: (count) => `共 ${count} 份`,
            onChange: (next, pageSize) => setPage({ page: next, pageSize }),
          }}
        />
      )}
      {canManage && <ApplicationActionModal target={target} onClose={() => setTarget(null)} />}
    </Card>
  );
}
