import { useState } from 'react';
import { Button, Card, Flex, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  CONSTRUCTION_STATUS_LABELS,
  CONSTRUCTION_STATUSES,
  SITE_FACILITY_LABELS,
  SITE_TYPE_LABELS,
  type Site,
} from '@anqian/shared';
import { ListTable } from '@/components/list-table';
import { OccupancyBar } from '@/components/occupancy-bar';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useListParams } from '@/lib/use-list-params';
import { useSiteList } from '@/features/sites/api/list-sites';
import { SiteFilters } from '@/features/sites/components/site-filters';
import { SiteFormModal, type SiteFormTarget } from '@/features/sites/components/site-form-modal';

const FILTER_KEYS = ['townshipCode', 'constructionStatus', 'q'] as const;

const STATUS_COLORS: Record<Site['constructionStatus'], string> = {
  planned: 'default',
  under_construction: 'processing',
  completed: 'success',
  occupied: 'cyan',
};
export function SitesPage() {
  useDocumentTitle('安置点');
  const session = useCurrentSession();
  const list = useListParams(FILTER_KEYS);
  const [formTarget, setFormTarget] = useState<SiteFormTarget | null>(null);
  const { filters } = list;
  const canManage = hasRole(session, ['county_admin']);

  const sites = useSiteList({
    page: list.page,
    pageSize: list.pageSize,
    townshipCode: filters.townshipCode && /^\d{12}$/.test(filters.townshipCode) ? filters.townshipCode : undefined,
    constructionStatus: CONSTRUCTION_STATUSES.find((status) => status === filters.constructionStatus),
    q: filters.q,
  });

  const columns: TableColumnsType<Site> = [
    { title: '安置点', dataIndex: 'name', width: 160, render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { title: '所在乡镇', dataIndex: 'townshipName', width: 90 },
    { title: '类型', dataIndex: 'type', width: 110, render: (type: Site['type']) => SITE_TYPE_LABELS[type] },
    {
      title: '建设状态',
      dataIndex: 'constructionStatus',
      width: 90,
      render: (status: Site['constructionStatus']) => <Tag color={STATUS_COLORS[status]}>{CONSTRUCTION_STATUS_LABELS[status]}</Tag>,
    },
    { title: '安置容量', key: 'occupancy', width: 210, render: (_value, site) => <OccupancyBar capacity={site.capacity} assigned={site.assigned} /> },
    {
      title: '配套设施',
      dataIndex: 'facilities',
      render: (facilities: Site['facilities']) =>
        facilities.length === 0 ? (
          '—'
        ) : (
          <Flex gap={4} wrap>
            {facilities.map((facility) => (
              <Tag key={facility}>{SITE_FACILITY_LABELS[facility]}</Tag>
            ))}
          </Flex>
        ),
    },
    { title: '地址', dataIndex: 'address', width: 150, ellipsis: { showTitle: true }, render: (address: string) => address || '—' },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'actions',
            fixed: 'right' as const,
            width: 80,
            render: (_value: unknown, site: Site) => (
              <Button type="link" size="small" onClick={() => setFormTarget({ mode: 'edit', site })} aria-label={`编辑${site.name}`}>
                编辑
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title="安置点"
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })}>
            新建安置点
          </Button>
        )
      }
    >
      <Flex vertical gap={16}>
        <SiteFilters
          values={filters}
          onSearch={(next) => {
            if (!list.setFilters(next)) void sites.refetch();
          }}
        />
        <ListTable<Site>
          query={sites}
          list={list}
          errorTitle="安置点加载失败"
          empty={{ filtered: '没有符合条件的安置点，试试调整筛选条件', none: '还没有安置点' }}
          totalLabel={(total) => `共 ${total} 个安置点`}
          columns={columns}
          scroll={{ x: 1100 }}
        />
      </Flex>
      {canManage && <SiteFormModal target={formTarget} onClose={() => setFormTarget(null)} />}
    </Card>
  );
}
