import { useState } from 'react';
import { Button, Card, Col, Empty, Flex, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { UnorderedListOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { REQUEST_CATEGORIES, REQUEST_CATEGORY_LABELS, REQUEST_STATUS_LABELS, REQUEST_STATUSES, type RequestStats } from '@anqian/shared';
import { DivisionTreeSelect } from '@/components/division-tree-select';
import { ErrorState } from '@/components/error-state';
import { useCurrentSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useRequestStats } from '@/features/resident-requests/api/get-request-stats';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);

function hoursLabel(hours: number | null): string {
  if (hours === null) return '—';
  if (hours < 1) return '不到 1 小时';
  return hours < 24 ? `${hours} 小时` : `${Math.round((hours / 24) * 10) / 10} 天`;
}

/** Requests of the caller's area in numbers: volume, speed, punctuality and satisfaction. */
export function RequestStatsPage() {
  useDocumentTitle('诉求统计');
  const session = useCurrentSession();
  const navigate = useNavigate();
  const [divisionCode, setDivisionCode] = useState<string | undefined>();
  const stats = useRequestStats(divisionCode);

  return (
    <Card
      title="群众诉求统计"
      extra={
        <Flex gap={8}>
          <DivisionTreeSelect rootCode={session.user.divisionCode} value={divisionCode} onChange={setDivisionCode} placeholder="全部辖区" allowClear style={{ width: 200 }} />
          <Button icon={<UnorderedListOutlined />} onClick={() => void navigate('/resident-requests')}>
            诉求列表
          </Button>
        </Flex>
      }
    >
      {stats.isError && !stats.data ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} title="统计加载失败" />
      ) : !stats.data ? (
        <Skeleton active />
      ) : stats.data.total === 0 ? (
        <Empty description="还没有群众诉求" />
      ) : (
        <StatsBody stats={stats.data} onOverdue={() => void navigate('/resident-requests?overdue=true&sort=due')} />
      )}
    </Card>
  );
}

function StatsBody({ stats, onOverdue }: { stats: RequestStats; onOverdue: () => void }) {
  return (
    <Flex vertical gap={24}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title="诉求总数" value={stats.total} suffix="条" />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title="未办结" value={stats.open} suffix="条" />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small" hoverable onClick={onOverdue} style={stats.overdue ? { borderColor: '#ff4d4f' } : undefined}>
            <Statistic title="超期（点击查看）" value={stats.overdue} suffix="条" valueStyle={stats.overdue ? { color: '#cf1322' } : undefined} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title="首次答复用时（中位数）" value={hoursLabel(stats.medianFirstReplyHours)} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title="3 个工作日内答复" value={percent(stats.answeredInTimeShare)} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={`满意度（${stats.ratedCount} 人评价）`} value={stats.averageRating ?? '—'} suffix={stats.averageRating ? '/ 5 分' : undefined} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Typography.Title level={5}>按类别</Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={REQUEST_CATEGORIES.map((key) => ({ key, label: REQUEST_CATEGORY_LABELS[key], count: stats.byCategory[key] }))}
            columns={[
              { title: '类别', dataIndex: 'label' },
              { title: '条数', dataIndex: 'count', align: 'right' },
            ]}
          />
        </Col>
        <Col xs={24} lg={8}>
          <Typography.Title level={5}>按状态</Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={REQUEST_STATUSES.map((key) => ({ key, label: REQUEST_STATUS_LABELS[key], count: stats.byStatus[key] }))}
            columns={[
              { title: '状态', dataIndex: 'label' },
              { title: '条数', dataIndex: 'count', align: 'right' },
            ]}
          />
        </Col>
        <Col xs={24} lg={8}>
          <Typography.Title level={5}>按乡镇（诉求所在地）</Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="code"
            dataSource={stats.byTownship}
            columns={[
              { title: '乡镇', dataIndex: 'name' },
              { title: '总数', dataIndex: 'total', align: 'right' },
              { title: '未办结', dataIndex: 'open', align: 'right' },
              {
                title: '超期',
                dataIndex: 'overdue',
                align: 'right',
                render: (value: number) => <Typography.Text type={value ? 'danger' : undefined}>{value}</Typography.Text>,
              },
            ]}
          />
        </Col>
      </Row>
    </Flex>
  );
}
