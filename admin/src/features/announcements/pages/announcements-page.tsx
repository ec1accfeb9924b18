import { Button, Card, Flex, Space, Tag, Tooltip, type TableColumnsType } from 'antd';
import { PaperClipOutlined, PlusOutlined, PushpinFilled } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { ANNOUNCEMENT_TYPES, ANNOUNCEMENT_VIEW_STATUSES, type AnnouncementSummary } from '@anqian/shared';
import { ListTable } from '@/components/list-table';
import { formatDateTimeShort } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useListParams } from '@/lib/use-list-params';
import { useAnnouncementList } from '@/features/announcements/api/list-announcements';
import { AnnouncementFilters } from '@/features/announcements/components/announcement-filters';
import { AnnouncementStatusTag, AnnouncementTypeTag } from '@/features/announcements/components/announcement-status-tag';

const FILTER_KEYS = ['type', 'status', 'divisionCode', 'q'] as const;

export function AnnouncementsPage() {
  useDocumentTitle('通知公告');
  const navigate = useNavigate();
  const list = useListParams(FILTER_KEYS);
  const { filters } = list;

  const announcements = useAnnouncementList({
    page: list.page,
    pageSize: list.pageSize,
    type: ANNOUNCEMENT_TYPES.find((type) => type === filters.type),
    status: ANNOUNCEMENT_VIEW_STATUSES.find((status) => status === filters.status),
    divisionCode: filters.divisionCode && /^\d{12}$/.test(filters.divisionCode) ? filters.divisionCode : undefined,
    q: filters.q,
  });

  const columns: TableColumnsType<AnnouncementSummary> = [
    {
      title: '标题',
      dataIndex: 'title',
      render: (title: string, announcement) => (
        <Space size={4} align="start">
          {announcement.pinned && (
            <Tooltip title="置顶">
              <PushpinFilled style={{ color: '#d4380d' }} aria-label="置顶" />
            </Tooltip>
          )}
          <Link to={`/announcements/${announcement.id}`}>{title}</Link>
          {announcement.mustRead && <Tag color="purple">须阅知</Tag>}
        </Space>
      ),
    },
    { title: '类型', dataIndex: 'type', width: 120, render: (type: AnnouncementSummary['type']) => <AnnouncementTypeTag type={type} /> },
    { title: '发布范围', dataIndex: 'divisionName', width: 170, ellipsis: { showTitle: true } },
    { title: '状态', dataIndex: 'viewStatus', width: 90, render: (status: AnnouncementSummary['viewStatus']) => <AnnouncementStatusTag status={status} /> },
    {
      title: '发布时间',
      key: 'publishedAt',
      width: 170,
      render: (_, announcement) =>
        announcement.publishedAt ? formatDateTimeShort(announcement.publishedAt) : announcement.publishAt ? `定时 ${formatDateTimeShort(announcement.publishAt)}` : '—',
    },
    { title: '失效时间', dataIndex: 'expiresAt', width: 170, render: (value: string | null) => (value ? formatDateTimeShort(value) : '长期') },
    {
      title: '附件',
      dataIndex: 'attachmentCount',
      width: 70,
      align: 'right',
      render: (count: number) => (count > 0 ? <Space size={2}><PaperClipOutlined />{count}</Space> : '—'),
    },
    { title: '发布人', dataIndex: 'createdBy', width: 150, ellipsis: { showTitle: true } },
  ];

  return (
    <Card
      title="通知公告"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/announcements/new')}>
          新建通知公告
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <AnnouncementFilters
          values={filters}
          onSearch={(next) => {
            if (!list.setFilters(next)) void announcements.refetch();
          }}
        />
        <ListTable<AnnouncementSummary>
          query={announcements}
          list={list}
          errorTitle="通知公告加载失败"
          empty={{ filtered: '没有符合条件的通知公告，试试调整筛选条件', none: '还没有通知公告，点右上角新建' }}
          totalLabel={(total) => `共 ${total} 条`}
          columns={columns}
          scroll={{ x: 1200 }}
        />
      </Flex>
    </Card>
  );
}
