import { Alert, Button, Card, Flex, Form, List, Select, Typography, type TableColumnsType } from 'antd';
import { BarChartOutlined, DownloadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import {
  AREA_OFFICE_ROLES,
  REQUEST_CATEGORIES,
  REQUEST_CATEGORY_LABELS,
  REQUEST_SORTS,
  REQUEST_STATUS_LABELS,
  REQUEST_STATUSES,
  type RequestFilter,
  type StaffRequestSummary,
} from '@anqian/shared';
import { DivisionTreeSelect } from '@/components/division-tree-select';
import { FilterForm } from '@/components/filter-form';
import { ListTable } from '@/components/list-table';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useListParams } from '@/lib/use-list-params';
import { useExportRequests } from '@/features/resident-requests/api/export-requests';
import { useRequestList } from '@/features/resident-requests/api/list-requests';
import { useRequestReminders } from '@/features/resident-requests/api/list-reminders';
import { RequestStatusTag } from '@/features/resident-requests/components/request-status-tag';
import { formatChinaTime } from '@/features/resident-requests/utils/china-time';

const FILTER_KEYS = ['status', 'category', 'divisionCode', 'overdue', 'mine', 'sort'] as const;
const STATUS_OPTIONS = REQUEST_STATUSES.map((value) => ({ value, label: REQUEST_STATUS_LABELS[value] }));
const CATEGORY_OPTIONS = REQUEST_CATEGORIES.map((value) => ({ value, label: REQUEST_CATEGORY_LABELS[value] }));
const SORT_LABELS: Record<(typeof REQUEST_SORTS)[number], string> = { newest: '最新提交在前', oldest: '最早提交在前', due: '快到期的在前' };
const SORT_OPTIONS = REQUEST_SORTS.map((value) => ({ value, label: SORT_LABELS[value] }));
const OVERDUE_COLOR = '#fff1f0';
/** FilterForm trims a keyword `q`; this inbox has none. */
type FilterValues = Partial<Record<(typeof FILTER_KEYS)[number], string>> & { q?: string };

/** 群众诉求 inbox: the caller's area (a township's own, a village cadre's village, the county everything). */
export function RequestsInboxPage() {
  useDocumentTitle('群众诉求');
  const session = useCurrentSession();
  const navigate = useNavigate();
  const list = useListParams(FILTER_KEYS);
  const { filters } = list;
  const handles = hasRole(session, AREA_OFFICE_ROLES);
  const filter: Partial<RequestFilter> = {
    status: REQUEST_STATUSES.find((status) => status === filters.status),
    category: REQUEST_CATEGORIES.find((category) => category === filters.category),
    divisionCode: filters.divisionCode,
    overdue: filters.overdue === 'true' ? 'true' : undefined,
    mine: filters.mine === 'true' ? 'true' : undefined,
    sort: REQUEST_SORTS.find((sort) => sort === filters.sort) ?? 'newest',
  };
  const requests = useRequestList({ page: list.page, pageSize: list.pageSize, ...filter });
  const reminders = useRequestReminders(handles);
  const exporter = useExportRequests();

  const columns: TableColumnsType<StaffRequestSummary> = [
    { title: '提交时间', dataIndex: 'submittedAt', width: 140, render: (value: string) => formatChinaTime(value) },
    { title: '类别', dataIndex: 'category', width: 70, render: (value: StaffRequestSummary['category']) => REQUEST_CATEGORY_LABELS[value] },
    {
      title: '内容',
      dataIndex: 'excerpt',
      render: (excerpt: string, request) => <Link to={`/resident-requests/${request.id}`}>{excerpt}</Link>,
    },
    {
      title: '地点',
      key: 'place',
      width: 150,
      render: (_value, request) => (
        <Flex vertical>
          <span>{request.villageName}</span>
          <Typography.Text type="secondary">{request.townshipName}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: '承办',
      key: 'handler',
      width: 130,
      render: (_value, request) => (
        <Flex vertical>
          <span>{request.handlerName}</span>
          <Typography.Text type="secondary">{request.assignee?.name ?? '未分派'}</Typography.Text>
        </Flex>
      ),
    },
    { title: '状态', key: 'status', width: 130, render: (_value, request) => <RequestStatusTag request={request} /> },
    {
      title: '期限（北京时间）',
      key: 'due',
      width: 150,
      render: (_value, request) => (
        <Flex vertical>
          <Typography.Text type={request.overdue ? 'danger' : undefined}>{request.replyDue ? `答复 ${request.replyDue}` : '已答复'}</Typography.Text>
          <Typography.Text type={request.overdue ? 'danger' : 'secondary'}>办结 {request.doneDue}</Typography.Text>
        </Flex>
      ),
    },
    { title: '评价', dataIndex: 'rating', width: 60, render: (rating: number | null) => (rating ? `${rating} 分` : '—') },
  ];

  return (
    <Flex vertical gap={16}>
      {handles && reminders.data && reminders.data.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`分派给您的诉求中，有 ${reminders.data.length} 条下一个工作日到期`}
          description={
            <List
              size="small"
              dataSource={reminders.data}
              renderItem={(reminder) => (
                <List.Item>
                  <Link to={`/resident-requests/${reminder.requestId}`}>
                    {reminder.dueDate} 前{reminder.kind === 'reply' ? '答复' : '办结'}：【{REQUEST_CATEGORY_LABELS[reminder.category]}】{reminder.villageName} · {reminder.excerpt}
                  </Link>
                </List.Item>
              )}
            />
          }
        />
      )}
      <Card
        title="群众诉求"
        extra={
          <Flex gap={8}>
            <Button icon={<BarChartOutlined />} onClick={() => void navigate('/resident-requests/stats')}>
              统计
            </Button>
            {handles && (
              <Button icon={<DownloadOutlined />} loading={exporter.isPending} onClick={() => exporter.mutate(filter)}>
                导出 Excel
              </Button>
            )}
          </Flex>
        }
      >
        <Flex vertical gap={16}>
          <FilterForm
            name="request-filters"
            label="筛选诉求"
            values={filters as FilterValues}
            onSearch={({ q: _unused, ...next }: FilterValues) => {
              if (!list.setFilters(next)) void requests.refetch();
            }}
          >
            <Form.Item label="状态" name="status">
              <Select placeholder="全部" allowClear options={STATUS_OPTIONS} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item label="类别" name="category">
              <Select placeholder="全部" allowClear options={CATEGORY_OPTIONS} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item label="地点" name="divisionCode">
              <DivisionTreeSelect rootCode={session.user.divisionCode} placeholder="全部乡镇和村" allowClear style={{ width: 180 }} />
            </Form.Item>
            <Form.Item label="期限" name="overdue">
              <Select placeholder="全部" allowClear options={[{ value: 'true', label: '只看超期' }]} style={{ width: 110 }} />
            </Form.Item>
            {handles && (
              <Form.Item label="承办人" name="mine">
                <Select placeholder="全部" allowClear options={[{ value: 'true', label: '分派给我的' }]} style={{ width: 120 }} />
              </Form.Item>
            )}
            <Form.Item label="排序" name="sort">
              <Select placeholder="最新提交在前" allowClear options={SORT_OPTIONS} style={{ width: 140 }} />
            </Form.Item>
          </FilterForm>
          <ListTable<StaffRequestSummary>
            query={requests}
            list={list}
            errorTitle="诉求加载失败"
            empty={{ filtered: '没有符合条件的诉求，试试调整筛选条件', none: '还没有群众诉求' }}
            totalLabel={(total) => `共 ${total} 条诉求`}
            columns={columns}
            onRow={(request) => ({ style: request.overdue ? { background: OVERDUE_COLOR } : undefined })}
            scroll={{ x: 1100 }}
          />
        </Flex>
      </Card>
    </Flex>
  );
}
