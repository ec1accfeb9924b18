import { Button, Card, Descriptions, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { RESETTLEMENT_TYPE_LABELS, type PublicNotice, type PublicNoticeEntry } from '@anqian/shared';
import { formatDateTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePublicNotice } from '@/features/public-notices/api/get-public-notice';
import { LoadedNotice } from '@/features/public-notices/components/loaded-notice';
import { NoticePhaseTag } from '@/features/public-notices/components/notice-phase-tag';

const columns: TableColumnsType<PublicNoticeEntry> = [
  {
    title: '户主',
    dataIndex: 'headName',
    width: 120,
    render: (name: string, entry) => <Link to={`/registrations/${entry.registrationId}`}>{name}</Link>,
  },
  { title: '身份证号', dataIndex: 'headIdNumberMasked', width: 200 },
  { title: '人口', dataIndex: 'memberCount', width: 80, align: 'right' },
  { title: '所在村', dataIndex: 'villageName' },
  {
    title: '安置方式',
    dataIndex: 'resettlementType',
    width: 120,
    render: (value: PublicNoticeEntry['resettlementType']) => (value ? RESETTLEMENT_TYPE_LABELS[value] : '—'),
  },
];

export function PublicNoticeDetailPage() {
  const { id = '' } = useParams();
  const notice = usePublicNotice(id);
  useDocumentTitle(notice.data?.title ?? '公示详情');

  return <LoadedNotice notice={notice}>{(loaded) => <NoticeView notice={loaded} />}</LoadedNotice>;
}

function NoticeView({ notice }: { notice: PublicNotice }) {
  const navigate = useNavigate();
  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex vertical gap={12}>
          <Flex align="center" gap={8}>
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回公示列表" onClick={() => void navigate('/public-notices')} />
            <Typography.Title level={3} style={{ margin: 0 }}>
              {notice.title}
            </Typography.Title>
            <NoticePhaseTag phase={notice.phase} />
            <Button icon={<PrinterOutlined />} style={{ marginLeft: 'auto' }} onClick={() => void navigate(`/public-notices/${notice.id}/print`)}>
              打印张贴版 / PDF
            </Button>
          </Flex>
          <Descriptions
            size="small"
            column={3}
            items={[
              { key: 'period', label: '公示期', children: `${notice.startDate} 至 ${notice.endDate}` },
              { key: 'count', label: '公示户数', children: `${notice.householdCount} 户` },
              { key: 'townships', label: '涉及乡镇', children: notice.townshipNames.join('、') },
              { key: 'publisher', label: '发布人', children: notice.publishedBy },
              { key: 'publishedAt', label: '发布时间', children: formatDateTime(notice.publishedAt) },
              {
                key: 'contacts',
                label: '异议受理电话',
                children: notice.contacts.map((contact) => `${contact.townshipName} ${contact.officePhone ?? '（未设置）'}`).join('；'),
              },
            ]}
          />
          {notice.intro && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{notice.intro}</Typography.Paragraph>}
        </Flex>
      </Card>
      <Card title="公示名单">
        <Table<PublicNoticeEntry>
          rowKey="registrationId"
          columns={columns}
          dataSource={notice.entries}
          pagination={notice.entries.length > 20 ? { pageSize: 20, showTotal: (total) => `共 ${total} 户` } : false}
        />
      </Card>
    </Flex>
  );
}
