import { useState } from 'react';
import { Button, Card, Col, Empty, Flex, Row, Select, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { ANNOUNCEMENT_AREA_SOURCE_LABELS, type AnnouncementReceipts, type AnnouncementUnreadResident } from '@anqian/shared';
import { ErrorState } from '@/components/error-state';
import { RevealPhoneCell } from '@/components/reveal-phone-cell';
import { useAnnouncementReceipts, useRevealUnreadPhone, useUnreadResidents } from '@/features/announcements/api/receipts';

const PAGE_SIZE = 20;

/** 须阅知: read and unread residents of the area, by village, and who has not read it yet. */
export function ReceiptsCard({ announcementId }: { announcementId: string }) {
  const receipts = useAnnouncementReceipts(announcementId, true);
  const [villageCode, setVillageCode] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const unread = useUnreadResidents(announcementId, { page, pageSize: PAGE_SIZE, villageCode }, true);

  const villageColumns: TableColumnsType<AnnouncementReceipts['byVillage'][number]> = [
    { title: '村（社区）', dataIndex: 'villageName' },
    { title: '应读', dataIndex: 'audience', width: 80, align: 'right' },
    { title: '已读', dataIndex: 'read', width: 80, align: 'right' },
    {
      title: '未读',
      dataIndex: 'unread',
      width: 80,
      align: 'right',
      render: (count: number, row) =>
        count > 0 ? (
          <Button type="link" size="small" onClick={() => { setVillageCode(row.villageCode); setPage(1); }} aria-label={`查看${row.villageName}未读名单`}>
            {count}
          </Button>
        ) : (
          0
        ),
    },
  ];

  const unreadColumns: TableColumnsType<AnnouncementUnreadResident> = [
    { title: '村（社区）', dataIndex: 'villageName' },
    { title: '手机号', key: 'phone', width: 230, render: (_, row) => <PhoneCell announcementId={announcementId} row={row} /> },
    { title: '所在村来自', dataIndex: 'source', width: 110, render: (source: AnnouncementUnreadResident['source']) => ANNOUNCEMENT_AREA_SOURCE_LABELS[source] },
  ];

  if (receipts.isError && !receipts.data) return <ErrorState error={receipts.error} onRetry={() => void receipts.refetch()} title="阅读情况加载失败" />;

  return (
    <Card
      title="阅读情况（须阅知）"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => { void receipts.refetch(); void unread.refetch(); }} loading={receipts.isFetching}>
          刷新
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Row gutter={16}>
          <Col span={8}>
            <Statistic title="范围内群众" value={receipts.data?.audience ?? '—'} loading={receipts.isPending} />
          </Col>
          <Col span={8}>
            <Statistic title="已读" value={receipts.data?.read ?? '—'} loading={receipts.isPending} valueStyle={{ color: '#389e0d' }} />
          </Col>
          <Col span={8}>
            <Statistic title="未读" value={receipts.data?.unread ?? '—'} loading={receipts.isPending} valueStyle={{ color: '#cf1322' }} />
          </Col>
        </Row>
        <Table
          rowKey="villageCode"
          size="small"
          columns={villageColumns}
          dataSource={receipts.data?.byVillage}
          loading={receipts.isFetching}
          pagination={false}
          scroll={{ y: 320 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="范围内还没有群众" /> }}
        />
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            未读名单
          </Typography.Title>
          <Select
            aria-label="按村筛选未读名单"
            allowClear
            placeholder="全部村"
            style={{ width: 220 }}
            value={villageCode}
            onChange={(next?: string) => { setVillageCode(next); setPage(1); }}
            options={(receipts.data?.byVillage ?? []).filter((row) => row.unread > 0).map((row) => ({ value: row.villageCode, label: `${row.villageName}（${row.unread}）` }))}
          />
        </Flex>
        {unread.isError && !unread.data ? (
          <ErrorState error={unread.error} onRetry={() => void unread.refetch()} title="未读名单加载失败" />
        ) : (
          <Table<AnnouncementUnreadResident>
            rowKey="residentId"
            size="small"
            columns={unreadColumns}
            dataSource={unread.data?.items}
            loading={unread.isFetching}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有未读的群众" /> }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: unread.data?.total ?? 0, onChange: setPage, showTotal: (total) => `共 ${total} 人未读`, showSizeChanger: false }}
          />
        )}
      </Flex>
    </Card>
  );
}

function PhoneCell({ announcementId, row }: { announcementId: string; row: AnnouncementUnreadResident }) {
  const reveal = useRevealUnreadPhone(announcementId);
  return (
    <RevealPhoneCell
      masked={row.phoneMasked}
      noPhone="未绑定手机号"
      owner={row.phoneMasked ?? ''}
      auditNote="查看行为会记入审计日志，请仅在需要打电话提醒时查看。"
      reveal={() => reveal.mutateAsync(row.residentId)}
      revealing={reveal.isPending}
    />
  );
}
