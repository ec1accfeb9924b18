import { useState } from 'react';
import { Badge, Button, Card, Flex, Space, Tabs, Tag, type TableColumnsType, type TableProps } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { ColumnType, SortOrder } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import {
  AREA_OFFICE_ROLES,
  HAZARD_TYPE_LABELS,
  HAZARD_TYPES,
  REGISTRATION_SORTS,
  REGISTRATION_STATUS_LABELS,
  REGISTRATION_STATUSES,
  type RegistrationFilter,
  type RegistrationSummary,
  RESETTLEMENT_TYPE_LABELS,
  RESETTLEMENT_TYPES,
  WILLINGNESS,
  WILLINGNESS_LABELS,
} from '@anqian/shared';
import { ListTable } from '@/components/list-table';
import { RegistrationStatusTag } from '@/components/registration-status-tag';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { formatDate, formatDateTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useListParams } from '@/lib/use-list-params';
import { useRegistrationList } from '@/features/registrations/api/list-registrations';
import { ExportButtons } from '@/features/registrations/components/export-buttons';
import { LedgerImportModal } from '@/features/registrations/components/ledger-import-modal';
import { RegistrationFilters, type RegistrationFilterValues } from '@/features/registrations/components/registration-filters';

const FILTER_KEYS = [
  'status',
  'divisionCode',
  'willingness',
  'resettlementType',
  'hazardType',
  'submittedFrom',
  'submittedTo',
  'q',
  'householdClash',
  'approvable',
  'sort',
] as const;

type Sort = (typeof REGISTRATION_SORTS)[number];
type SortField = 'submittedAt' | 'updatedAt' | 'headName' | 'memberCount';

const DEFAULT_SORT: Sort = '-submittedAt';
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DIVISION_PATTERN = /^\d{12}$/;

const pick = <T extends string>(values: readonly T[], raw: string | undefined): T | undefined => values.find((value) => value === raw);
const matching = (pattern: RegExp, raw: string | undefined) => (raw && pattern.test(raw) ? raw : undefined);

/** Only the user's own area can be exported or imported, and only by township and county staff. */

export function RegistrationsPage() {
  useDocumentTitle('搬迁登记');
  const session = useCurrentSession();
  const list = useListParams(FILTER_KEYS);
  const [importing, setImporting] = useState(false);
  const { filters } = list;

  const filter: Partial<RegistrationFilter> = {
    divisionCode: matching(DIVISION_PATTERN, filters.divisionCode),
    willingness: pick(WILLINGNESS, filters.willingness),
    resettlementType: pick(RESETTLEMENT_TYPES, filters.resettlementType),
    hazardType: pick(HAZARD_TYPES, filters.hazardType),
    submittedFrom: matching(DATE_PATTERN, filters.submittedFrom),
    submittedTo: matching(DATE_PATTERN, filters.submittedTo),
    q: filters.q,
    householdClash: pick(['true'] as const, filters.householdClash),
    approvable: pick(['true'] as const, filters.approvable),
  };
  const status = pick(REGISTRATION_STATUSES, filters.status);
  const sort = pick(REGISTRATION_SORTS, filters.sort) ?? DEFAULT_SORT;
  const registrations = useRegistrationList({ ...filter, status, sort, page: list.page, pageSize: list.pageSize });
  const counts = registrations.data?.statusCounts;
  const total = counts ? Object.values(counts).reduce((sum, count) => sum + count, 0) : undefined;

  const sortOrder = (field: SortField): SortOrder => (sort === field ? 'ascend' : sort === `-${field}` ? 'descend' : null);
  const sortable = (field: SortField, firstDirection: 'ascend' | 'descend'): ColumnType<RegistrationSummary> => ({
    sorter: true,
    sortOrder: sortOrder(field),
    // The default order is "newest first", so those columns start descending.
    sortDirections: firstDirection === 'descend' ? ['descend', 'ascend'] : ['ascend', 'descend'],
  });

  const columns: TableColumnsType<RegistrationSummary> = [
    {
      title: '户主',
      key: 'headName',
      width: 150,
      ...sortable('headName', 'ascend'),
      render: (_value, row) => (
        <Space size={4} wrap>
          <Link to={`/registrations/${row.id}`} style={{ whiteSpace: 'nowrap' }}>
            {row.headName}
          </Link>
          {row.enteredByCadre && <Tag>代填</Tag>}
          {row.householdClash && <Tag color="orange">同户多次登记</Tag>}
        </Space>
      ),
    },
    { title: '身份证号', dataIndex: 'headIdNumberMasked', width: 156 },
    { title: '人口', key: 'memberCount', dataIndex: 'memberCount', width: 76, align: 'right', ...sortable('memberCount', 'descend') },
    {
      title: '所在村',
      key: 'village',
      ellipsis: { showTitle: true },
      render: (_value, row) => `${row.townshipName} ${row.villageName}`,
    },
    { title: '隐患类型', dataIndex: 'hazardType', width: 90, render: (value: RegistrationSummary['hazardType']) => HAZARD_TYPE_LABELS[value] },
    {
      title: '意愿 / 安置方式',
      key: 'wishes',
      width: 146,
      render: (_value, row) =>
        `${WILLINGNESS_LABELS[row.willingness]}${row.resettlementType ? ` · ${RESETTLEMENT_TYPE_LABELS[row.resettlementType]}` : ''}`,
    },
    { title: '状态', dataIndex: 'status', width: 90, render: (value: RegistrationSummary['status']) => <RegistrationStatusTag status={value} /> },
    {
      title: '提交时间',
      key: 'submittedAt',
      dataIndex: 'submittedAt',
      width: 116,
      ...sortable('submittedAt', 'descend'),
      render: (value: string) => <span title={formatDateTime(value)}>{formatDate(value)}</span>,
    },
    {
      title: '更新时间',
      key: 'updatedAt',
      dataIndex: 'updatedAt',
      width: 116,
      ...sortable('updatedAt', 'descend'),
      render: (value: string) => <span title={formatDateTime(value)}>{formatDate(value)}</span>,
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      width: 64,
      render: (_value, row) => (
        <Link to={`/registrations/${row.id}`} aria-label={`查看${row.headName}的登记`}>
          查看
        </Link>
      ),
    },
  ];

  const onTableChange: TableProps<RegistrationSummary>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'paginate') {
      list.setPagination(pagination.current ?? 1, pagination.pageSize ?? list.pageSize);
      return;
    }
    if (extra.action !== 'sort' || Array.isArray(sorter)) return;
    const field = sorter.columnKey as SortField | undefined;
    const next = field && sorter.order ? pick(REGISTRATION_SORTS, sorter.order === 'descend' ? `-${field}` : field) : undefined;
    list.setFilters({ ...filters, sort: next === DEFAULT_SORT ? undefined : next });
  };

  const search = (values: RegistrationFilterValues) => {
    // Searching again with unchanged filters means "refresh".
    if (!list.setFilters({ ...values, status: filters.status, sort: filters.sort })) void registrations.refetch();
  };

  const tabLabel = (label: string, count: number | undefined) => (
    <Space size={6}>
      {label}
      <Badge count={count ?? 0} showZero overflowCount={99_999} color={count ? '#1d5fbf' : '#bfbfbf'} />
    </Space>
  );

  const canUseLedger = hasRole(session, AREA_OFFICE_ROLES);

  return (
    <Card
      title="搬迁登记"
      extra={
        canUseLedger && (
          <Space>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入台账
            </Button>
            <ExportButtons filter={{ ...filter, status }} canExportFull={session.user.canExportPersonalData} />
          </Space>
        )
      }
    >
      <Flex vertical gap={16}>
        <RegistrationFilters values={filters} areaCode={session.user.divisionCode} onSearch={search} />
        <Tabs
          activeKey={status ?? 'all'}
          onChange={(key) => list.setFilters({ ...filters, status: key === 'all' ? undefined : key })}
          items={[
            { key: 'all', label: tabLabel('全部', total) },
            ...REGISTRATION_STATUSES.map((key) => ({ key, label: tabLabel(REGISTRATION_STATUS_LABELS[key], counts?.[key]) })),
          ]}
          style={{ marginBottom: -16 }}
        />
        <ListTable<RegistrationSummary>
          query={registrations}
          list={list}
          errorTitle="登记列表加载失败"
          empty={{ filtered: '没有符合条件的登记，试试调整筛选条件', none: '本辖区还没有搬迁登记' }}
          totalLabel={(count) => `共 ${count} 户`}
          columns={columns}
          scroll={{ x: 1100 }}
          onChange={onTableChange}
          showSorterTooltip={false}
        />
      </Flex>
      {canUseLedger && <LedgerImportModal open={importing} onClose={() => setImporting(false)} />}
    </Card>
  );
}
