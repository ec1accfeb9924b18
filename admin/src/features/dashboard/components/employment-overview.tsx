import { Card, Col, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { EmploymentDashboard } from '@anqian/shared';
import { ErrorState } from '@/components/error-state';
import { useEmploymentDashboard } from '@/features/dashboard/api/get-employment-dashboard';

type TownshipRow = EmploymentDashboard['byTownship'][number];

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** The employment of relocated households' working-age members, and where the zero-employment households are. */
export function EmploymentOverview() {
  const dashboard = useEmploymentDashboard();

  if (dashboard.isPending) {
    return (
      <Card title="搬迁户就业">
        <Skeleton active paragraph={{ rows: 4 }} />
      </Card>
    );
  }
  if (dashboard.isError) {
    return (
      <Card title="搬迁户就业">
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} title="就业统计加载失败" />
      </Card>
    );
  }

  const data = dashboard.data;
  return (
    <Card title="搬迁户就业" extra={<Link to="/employment?tab=zero">查看零就业家庭</Link>}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title="劳动力就业率" value={percent(data.rate)} />
          <Typography.Text type="secondary">已就业 ÷ 有劳动能力的劳动年龄人口</Typography.Text>
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="已就业" value={data.employed} suffix={`/ ${data.labour} 人`} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="零就业家庭" value={data.zeroEmploymentHouseholds} suffix="户" valueStyle={data.zeroEmploymentHouseholds ? { color: '#cf1322' } : undefined} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="审批通过的搬迁户" value={data.households} suffix="户" />
        </Col>
        <Col span={24}>
          <Table<TownshipRow>
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={data.byTownship}
            columns={[
              { title: '乡镇', dataIndex: 'name', width: 140 },
              { title: '搬迁户', dataIndex: 'households', width: 90, align: 'right', render: (value: number) => `${value} 户` },
              { title: '已就业 / 有劳动能力', key: 'employed', width: 160, align: 'right', render: (_value, row) => `${row.employed} / ${row.labour} 人` },
              { title: '就业率', dataIndex: 'rate', width: 90, align: 'right', render: percent },
              {
                title: '零就业家庭',
                dataIndex: 'zeroEmploymentHouseholds',
                width: 110,
                align: 'right',
                render: (value: number, row) => (value > 0 ? <Link to={`/employment?tab=zero&divisionCode=${row.code}`}>{value} 户</Link> : '0 户'),
              },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
