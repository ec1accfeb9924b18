import { Button, Card, Flex, Form, Input, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import {
  FOOD_AND_LODGING_LABELS,
  HR_ROLES,
  JOB_CATEGORIES,
  JOB_CATEGORY_LABELS,
  JOB_POSTING_STATUS_LABELS,
  JOB_POSTING_STATUSES,
  type JobPostingSummary,
} from '@anqian/shared';
import { FilterForm } from '@/components/filter-form';
import { ListTable } from '@/components/list-table';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useListParams } from '@/lib/use-list-params';
import { usePostingList } from '@/features/jobs/api/list-postings';
import { PostingStatusActions } from '@/features/jobs/components/posting-status-actions';
import { PostingStatusTag } from '@/features/jobs/components/posting-status-tag';

const FILTER_KEYS = ['status', 'category', 'q'] as const;
const STATUS_OPTIONS = JOB_POSTING_STATUSES.map((value) => ({ value, label: JOB_POSTING_STATUS_LABELS[value] }));
const CATEGORY_OPTIONS = JOB_CATEGORIES.map((value) => ({ value, label: JOB_CATEGORY_LABELS[value] }));

export function PostingsPage() {
  useDocumentTitle('岗位管理');
  const session = useCurrentSession();
  const navigate = useNavigate();
  const list = useListParams(FILTER_KEYS);
  const canManage = hasRole(session, HR_ROLES);
  const { filters } = list;

  const postings = usePostingList({
    page: list.page,
    pageSize: list.pageSize,
    status: JOB_POSTING_STATUSES.find((status) => status === filters.status),
    category: JOB_CATEGORIES.find((category) => category === filters.category),
    q: filters.q,
  });

  const columns: TableColumnsType<JobPostingSummary> = [
    {
      title: '岗位',
      dataIndex: 'title',
      width: 200,
      render: (title: string, posting) => (
        <Flex vertical>
          <Link to={`/job-postings/${posting.id}`}>
            <Typography.Text strong>{title}</Typography.Text>
          </Link>
          <Typography.Text type="secondary">{posting.employerName}</Typography.Text>
        </Flex>
      ),
    },
    { title: '类别', dataIndex: 'category', width: 90, render: (category: JobPostingSummary['category']) => JOB_CATEGORY_LABELS[category] },
    { title: '工作地点', dataIndex: 'workplaceName', width: 120 },
    { title: '薪资', dataIndex: 'payLabel', width: 130 },
    { title: '食宿', dataIndex: 'foodAndLodging', width: 80, render: (value: JobPostingSummary['foodAndLodging']) => FOOD_AND_LODGING_LABELS[value] },
    { title: '录用 / 招聘', key: 'hired', width: 90, render: (_value, posting) => `${posting.hired} / ${posting.headcount} 人` },
    { title: '截止日期', dataIndex: 'closingDate', width: 100 },
    {
      title: '状态',
      key: 'status',
      width: 130,
      render: (_value, posting) => (
        <Flex gap={4} wrap>
          <PostingStatusTag posting={posting} />
          {posting.priorityRelocated && <Tag color="blue">优先搬迁群众</Tag>}
        </Flex>
      ),
    },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'actions',
            fixed: 'right' as const,
            width: 150,
            render: (_value: unknown, posting: JobPostingSummary) => (
              <Flex gap={4}>
                {posting.status !== 'closed' && (
                  <Button type="link" size="small" onClick={() => navigate(`/job-postings/${posting.id}/edit`)}>
                    编辑
                  </Button>
                )}
                <PostingStatusActions posting={posting} size="small" />
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title="岗位管理"
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/job-postings/new')}>
            新建岗位
          </Button>
        )
      }
    >
      <Flex vertical gap={16}>
        <FilterForm
          name="posting-filters"
          label="筛选岗位"
          values={filters}
          onSearch={(next) => {
            if (!list.setFilters(next)) void postings.refetch();
          }}
        >
          <Form.Item label="状态" name="status">
            <Select placeholder="全部" allowClear options={STATUS_OPTIONS} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item label="类别" name="category">
            <Select placeholder="全部" allowClear options={CATEGORY_OPTIONS} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item label="搜索" name="q">
            <Input placeholder="岗位或单位名称" allowClear maxLength={50} style={{ width: 180 }} />
          </Form.Item>
        </FilterForm>
        <ListTable<JobPostingSummary>
          query={postings}
          list={list}
          errorTitle="岗位加载失败"
          empty={{ filtered: '没有符合条件的岗位，试试调整筛选条件', none: canManage ? '还没有岗位，先登记用工单位，再点“新建岗位”' : '还没有岗位' }}
          totalLabel={(total) => `共 ${total} 个岗位`}
          columns={columns}
          scroll={{ x: 1090 }}
        />
      </Flex>
    </Card>
  );
}
