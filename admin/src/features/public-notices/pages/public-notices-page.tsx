import { Button, Card, Flex, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { PublicNoticeSummary } from '@anqian/shared';
import { ListTable } from '@/components/list-table';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { formatDateTimeShort } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useListParams } from '@/lib/use-list-params';
import { usePublicNoticeList } from '@/features/public-notices/api/list-public-notices';
import { NoticePhaseTag } from '@/features/public-notices/components/notice-phase-tag';
import { AREA_OFFICE_ROLES } from '@anqian/shared';

const FILTER_KEYS = [] as const;

export function PublicNoticesPage() {
  useDocumentTitle('公示管理');
  const session = useCurrentSession();
  const navigate = useNavigate();
  const list = useListParams(FILTER_KEYS);
  const notices = usePublicNoticeList({ page: list.page, pageSize: list.pageSize });

  const columns: TableColumnsType<PublicNoticeSummary> = [
    {
      title: '公示标题',
      dataIndex: 'title',
      render: (title: string, notice) => <Link to={`/public-notices/${notice.id}`}>{title}</Link>,
    },
    {
      title: '公示期',
      key: 'period',
      width: 210,
      render: (_value, notice) => `${notice.startDate} 至 ${notice.endDate}`,
    },
    { title: '状态', dataIndex: 'phase', width: 90, render: (phase: PublicNoticeSummary['phase']) => <NoticePhaseTag phase={phase} /> },
    { title: '户数', dataIndex: 'householdCount', width: 80, align: 'right' },
    { title: '涉及乡镇', dataIndex: 'townshipNames', width: 180, render: (names: string[]) => names.join('、') },
    { title: '发布人', dataIndex: 'publishedBy', width: 110 },
    { title: '发布时间', dataIndex: 'publishedAt', width: 170, render: (value: string) => formatDateTimeShort(value) },
  ];

  return (
    <Card
      title="公示管理"
      extra={
        hasRole(session, AREA_OFFICE_ROLES) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/public-notices/new')}>
            发起公示
          </Button>
        )
      }
    >
      <Flex vertical gap={8}>
        <ListTable<PublicNoticeSummary>
          query={notices}
          list={list}
          errorTitle="公示列表加载失败"
          empty={{ filtered: '没有符合条件的公示', none: '还没有发布过公示。入户核实完成的登记可以发起公示。' }}
          totalLabel={(total) => `共 ${total} 期公示`}
          columns={columns}
          scroll={{ x: 1100 }}
        />
      </Flex>
    </Card>
  );
}
