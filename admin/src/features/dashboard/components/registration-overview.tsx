import { Card, Col, Empty, Flex, Progress, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import {
  REGISTRATION_STATUS_LABELS,
  REGISTRATION_STATUSES,
  RESETTLEMENT_TYPE_LABELS,
  RESETTLEMENT_TYPES,
  WILLINGNESS,
  WILLINGNESS_LABELS,
  type RegistrationDashboard,
} from '@anqian/shared';
import { ErrorState } from '@/components/error-state';
import { OccupancyBar } from '@/components/occupancy-bar';
import { useRegistrationDashboard } from '@/features/dashboard/api/get-registration-dashboard';

type TownshipRow = RegistrationDashboard['byTownship'][number];

const percentOf = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** One labelled bar per category, as a share of all registrations. */
function ShareBars({ rows, total }: { rows: { key: string; label: string; count: number }[]; total: number }) {
  return (
    <Flex vertical gap={8}>
      {rows.map((row) => (
        <div key={row.key}>
          <Flex justify="space-between">
            <Typography.Text>{row.label}</Typography.Text>
            <Typography.Text type="secondary">{row.count} 户</Typography.Text>
          </Flex>
          <Progress percent={percentOf(row.count, total)} size="small" aria-label={`${row.label} ${row.count} 户`} />
        </div>
      ))}
    </Flex>
  );
}

export function RegistrationOverview() {
  const dashboard = useRegistrationDashboard(true);

  if (dashboard.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (dashboard.isError) {
    return (
      <Card>
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} title="搬迁登记统计加载失败" />
      </Card>
    );
  }

  const data = dashboard.data;
  const townshipColumns = [
    { title: '乡镇', dataIndex: 'name', width: 120 },
    { title: '登记户数', dataIndex: 'total', width: 100, align: 'right' as const },
    { title: '审批通过', dataIndex: 'approved', width: 100, align: 'right' as const },
    {
      title: '通过比例',
      key: 'share',
      render: (_value: unknown, row: TownshipRow) => (
        <Progress percent={percentOf(row.approved, row.total)} size="small" aria-label={`${row.name}审批通过比例`} />
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card title="搬迁登记概况" extra={<Link to="/registrations">查看全部登记</Link>}>
        <Flex wrap gap={16} justify="space-between">
          <Statistic title="登记总数" value={data.total} suffix="户" style={{ minWidth: 96 }} />
          {REGISTRATION_STATUSES.map((status) => (
            <Link key={status} to={`/registrations?status=${status}`} aria-label={`${REGISTRATION_STATUS_LABELS[status]} ${data.byStatus[status]} 户`}>
              <Statistic title={REGISTRATION_STATUS_LABELS[status]} value={data.byStatus[status]} suffix="户" style={{ minWidth: 96 }} />
            </Link>
          ))}
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title="各乡镇进度" style={{ height: '100%' }}>
            <Table<TownshipRow>
              size="small"
              rowKey="code"
              columns={townshipColumns}
              dataSource={data.byTownship}
              pagination={false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无登记" /> }}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card title="搬迁意愿" style={{ height: '100%' }}>
            <ShareBars total={data.total} rows={WILLINGNESS.map((key) => ({ key, label: WILLINGNESS_LABELS[key], count: data.byWillingness[key] }))} />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card title="安置方式" style={{ height: '100%' }}>
            <ShareBars
              total={data.total}
              rows={RESETTLEMENT_TYPES.map((key) => ({ key, label: RESETTLEMENT_TYPE_LABELS[key], count: data.byResettlementType[key] }))}
            />
          </Card>
        </Col>
      </Row>
      <Card title="安置点入住" extra={<Link to="/sites">安置点管理</Link>}>
        {data.sites.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有安置点" />
        ) : (
          <Row gutter={[32, 16]}>
            {data.sites.map((site) => (
              <Col key={site.id} xs={24} md={12} xl={8}>
                <Typography.Text strong>{site.name}</Typography.Text>
                <OccupancyBar capacity={site.capacity} assigned={site.assigned} />
              </Col>
            ))}
          </Row>
        )}
      </Card>
    </Flex>
  );
}
