import { useState } from 'react';
import { App, Button, Card, Col, Empty, Flex, Form, Input, Row, Select, Space, Statistic, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  EMPLOYMENT_STATUS_LABELS,
  EMPLOYMENT_STATUSES,
  type EmploymentFilter,
  type EmploymentHousehold,
  RELATION_LABELS,
  type StaffRole,
  WORKING_AGE_MAX,
  WORKING_AGE_MIN,
  type ZeroEmploymentList,
} from '@anqian/shared';
import { DivisionTreeSelect } from '@/components/division-tree-select';
import { FilterForm } from '@/components/filter-form';
import { ListTable } from '@/components/list-table';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useListParams } from '@/lib/use-list-params';
import { useExportEmployment } from '@/features/employment/api/export-employment';
import { useEmploymentList, useZeroEmployment } from '@/features/employment/api/list-employment';
import { EmploymentImportModal } from '@/features/employment/components/employment-import-modal';
import { EmploymentStatusTag } from '@/features/employment/components/employment-status-tag';
import { MemberStatusModal, type MemberTarget } from '@/features/employment/components/member-status-modal';

const FILTER_KEYS = ['tab', 'divisionCode', 'status', 'zero', 'q'] as const;
const WRITERS: readonly StaffRole[] = ['township_staff', 'village_cadre', 'hr_staff'];
const STATUS_OPTIONS = [...EMPLOYMENT_STATUSES.map((value) => ({ value, label: EMPLOYMENT_STATUS_LABELS[value] })), { value: 'unrecorded', label: '未登记' }];
const STATUS_VALUES = [...EMPLOYMENT_STATUSES, 'unrecorded'] as const;

const relationLabel = (relation: EmploymentHousehold['members'][number]['relation']) => (relation === 'head' ? '户主' : RELATION_LABELS[relation]);

export function EmploymentPage() {
  useDocumentTitle('就业台账');
  const session = useCurrentSession();
  const { message } = App.useApp();
  const list = useListParams(FILTER_KEYS);
  const { filters } = list;
  const zeroTab = filters.tab === 'zero';
  const canEdit = hasRole(session, WRITERS);
  const [editing, setEditing] = useState<MemberTarget | null>(null);
  const [importing, setImporting] = useState(false);
  const exporter = useExportEmployment();

  const filter: Partial<EmploymentFilter> = {
    divisionCode: filters.divisionCode,
    status: STATUS_VALUES.find((status) => status === filters.status),
    zeroEmployment: zeroTab || filters.zero === 'true' ? true : undefined,
    q: filters.q,
  };
  const params = { ...filter, page: list.page, pageSize: list.pageSize };
  const households = useEmploymentList(params, !zeroTab);
  const zero = useZeroEmployment(params, zeroTab);
  const tableQuery = zeroTab ? { ...zero, data: zero.data?.households } : households;

  const exportLedger = (full: boolean) =>
    exporter.mutate({ filter, full }, { onSuccess: () => void message.success(full ? '已导出含完整身份证号的台账，请妥善保管' : '就业台账已导出') });

  const columns: TableColumnsType<EmploymentHousehold> = [
    {
      title: '户主',
      key: 'head',
      width: 170,
      render: (_value, household) => (
        <Flex vertical>
          <Typography.Text strong>{household.headName}</Typography.Text>
          <Typography.Text type="secondary">
            {household.townshipName} {household.villageName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: `劳动年龄成员（${WORKING_AGE_MIN}–${WORKING_AGE_MAX} 岁）的就业状态`,
      key: 'members',
      render: (_value, household) => {
        const working = household.members.filter((member) => member.workingAge);
        const others = household.members.length - working.length;
        return (
          <Flex vertical gap={6}>
            {working.map((member) => (
              <Flex key={member.key} align="center" gap={8} wrap>
                <Typography.Text style={{ minWidth: 150 }}>
                  {member.name}（{relationLabel(member.relation)}，{member.age} 岁）
                </Typography.Text>
                <EmploymentStatusTag status={member.status} />
                {member.statusDate && <Typography.Text type="secondary">{member.statusDate} 起</Typography.Text>}
                {member.source === 'hire' && <Tag color="blue">平台录用</Tag>}
                {canEdit && (
                  <Button type="link" size="small" onClick={() => setEditing({ household, member })} aria-label={`登记${member.name}的就业状态`}>
                    {member.status ? '修改' : '登记'}
                  </Button>
                )}
              </Flex>
            ))}
            {working.length === 0 && <Typography.Text type="secondary">没有劳动年龄成员</Typography.Text>}
            {others > 0 && <Typography.Text type="secondary">另有 {others} 人不在劳动年龄</Typography.Text>}
          </Flex>
        );
      },
    },
    {
      title: '已就业 / 有劳动能力',
      key: 'counts',
      width: 150,
      render: (_value, household) => (
        <Flex vertical align="flex-start" gap={4}>
          <Typography.Text>
            {household.employedCount} / {household.labourCount} 人
          </Typography.Text>
          {household.zeroEmployment && <Tag color="red">零就业家庭</Tag>}
          {household.unrecordedCount > 0 && <Typography.Text type="secondary">{household.unrecordedCount} 人未登记</Typography.Text>}
        </Flex>
      ),
    },
  ];

  return (
    <Card
      title="就业台账"
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} loading={exporter.isPending && !exporter.variables?.full} disabled={exporter.isPending} onClick={() => exportLedger(false)}>
            导出台账
          </Button>
          {canEdit && session.user.canExportPersonalData && (
            <Button icon={<DownloadOutlined />} loading={exporter.isPending && exporter.variables?.full} disabled={exporter.isPending} onClick={() => exportLedger(true)}>
              导出完整身份证号（用于导入）
            </Button>
          )}
          {canEdit && (
            <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入就业状态
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          审批通过的搬迁户都在这里。每位劳动年龄成员登记一个就业状态；人社局在平台录用的，会自动记为已就业。
          {!canEdit && '您可以查看，不能修改。'}
        </Typography.Paragraph>
        <Tabs
          activeKey={zeroTab ? 'zero' : 'ledger'}
          onChange={(key) => list.setFilters({ ...filters, zero: undefined, tab: key === 'zero' ? 'zero' : undefined })}
          items={[
            { key: 'ledger', label: '全部搬迁户' },
            { key: 'zero', label: `零就业家庭${zero.data ? `（${zero.data.total} 户）` : ''}` },
          ]}
        />
        {zeroTab && <ZeroSummary data={zero.data} />}
        <FilterForm
          name="employment-filters"
          label="筛选就业台账"
          values={filters}
          onSearch={(next) => {
            if (!list.setFilters({ ...next, tab: filters.tab })) void tableQuery.refetch();
          }}
        >
          {session.user.role !== 'village_cadre' && (
            <Form.Item label="区域" name="divisionCode">
              <DivisionTreeSelect rootCode={session.user.divisionCode} placeholder="本辖区全部" allowClear style={{ width: 200 }} />
            </Form.Item>
          )}
          <Form.Item label="就业状态" name="status">
            <Select placeholder="全部" allowClear options={STATUS_OPTIONS} style={{ width: 140 }} />
          </Form.Item>
          {!zeroTab && (
            <Form.Item label="只看零就业家庭" name="zero">
              <Select placeholder="否" allowClear options={[{ value: 'true', label: '是' }]} style={{ width: 90 }} />
            </Form.Item>
          )}
          <Form.Item label="姓名" name="q">
            <Input placeholder="户主或成员姓名" allowClear maxLength={20} style={{ width: 160 }} />
          </Form.Item>
        </FilterForm>
        <ListTable<EmploymentHousehold>
          query={tableQuery}
          list={list}
          errorTitle="就业台账加载失败"
          empty={{
            filtered: zeroTab ? '没有符合条件的零就业家庭' : '没有符合条件的搬迁户，试试调整筛选条件',
            none: zeroTab ? '本辖区没有零就业家庭' : '本辖区还没有审批通过的搬迁户',
          }}
          totalLabel={(total) => `共 ${total} 户`}
          columns={columns}
          scroll={{ x: 900 }}
        />
      </Flex>
      <MemberStatusModal target={editing} onClose={() => setEditing(null)} />
      <EmploymentImportModal open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}

/** Where the zero-employment households are, so townships and villages know whom to visit. */
function ZeroSummary({ data }: { data: ZeroEmploymentList | undefined }) {
  if (!data) return null;
  if (data.total === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本辖区（按当前筛选）没有零就业家庭" />;
  return (
    <Row gutter={[16, 16]}>
      {data.byTownship.map((township) => (
        <Col key={township.code} xs={24} md={12} xl={8}>
          <Card size="small">
            <Statistic title={township.name} value={township.households} suffix="户零就业" valueStyle={{ color: '#cf1322' }} />
            <Typography.Text type="secondary">{township.villages.map((village) => `${village.name} ${village.households} 户`).join('，')}</Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
