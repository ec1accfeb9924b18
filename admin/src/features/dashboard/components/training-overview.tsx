import { Button, Card, Col, Row, Skeleton, Statistic, Table } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { TrainingDashboard } from '@anqian/shared';
import { ErrorState } from '@/components/error-state';
import { useTrainingDashboard } from '@/features/dashboard/api/get-training-dashboard';

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** Skills training across the county: trainees, completion and employment after training by category. */
export function TrainingOverview() {
  const navigate = useNavigate();
  const overview = useTrainingDashboard();
  const data = overview.data;
  return (
    <Card title="技能培训" extra={<Button onClick={() => void navigate('/training')}>查看培训班</Button>}>
      {overview.isError && !data ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} title="培训统计加载失败" />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}><Statistic title="培训人数（已开课）" value={data.trainees} suffix="人" /></Col>
            <Col xs={12} md={6}><Statistic title="结业人数" value={data.completed} suffix="人" /></Col>
            <Col xs={12} md={6}><Statistic title="结业率（已结业的班）" value={percent(data.completionRate)} /></Col>
            <Col xs={12} md={6}><Statistic title="培训后就业" value={data.hired} suffix="人" valueStyle={{ color: '#389e0d' }} /></Col>
          </Row>
          <Table<TrainingDashboard['byCategory'][number]>
            rowKey="category"
            size="small"
            pagination={false}
            dataSource={data.byCategory}
            locale={{ emptyText: '还没有开课的培训班' }}
            columns={[
              { title: '类别', dataIndex: 'label' },
              { title: '培训班', dataIndex: 'courses', render: (value: number) => `${value} 个` },
              { title: '培训人数', dataIndex: 'trainees', render: (value: number) => `${value} 人` },
              { title: '结业', dataIndex: 'completed', render: (value: number) => `${value} 人` },
              { title: '培训后就业', dataIndex: 'hired', render: (value: number) => `${value} 人` },
              { title: '就业率', dataIndex: 'employmentRate', render: percent },
            ]}
          />
        </>
      )}
    </Card>
  );
}
