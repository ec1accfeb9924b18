import { Button, Card, Col, Row, Skeleton, Statistic } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { useRequestOverview } from '@/features/dashboard/api/get-request-overview';

/** Open and overdue residents' requests (群众诉求), each a way into the inbox. */
export function RequestOverview() {
  const navigate = useNavigate();
  const overview = useRequestOverview();
  return (
    <Card title="群众诉求" extra={<Button onClick={() => void navigate('/resident-requests/stats')}>查看统计</Button>}>
      {overview.isError && !overview.data ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} title="诉求统计加载失败" />
      ) : !overview.data ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <Row gutter={16}>
          <Col span={8}>
            <Statistic title="未办结" value={overview.data.open} suffix="条" />
          </Col>
          <Col span={8} onClick={() => void navigate('/resident-requests?overdue=true&sort=due')} style={{ cursor: 'pointer' }}>
            <Statistic title="超期（点击查看）" value={overview.data.overdue} suffix="条" valueStyle={overview.data.overdue ? { color: '#cf1322' } : undefined} />
          </Col>
          <Col span={8}>
            <Statistic title="满意度" value={overview.data.averageRating ?? '—'} suffix={overview.data.averageRating ? '/ 5 分' : undefined} />
          </Col>
        </Row>
      )}
    </Card>
  );
}
