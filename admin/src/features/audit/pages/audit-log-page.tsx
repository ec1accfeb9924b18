import { Card, Flex, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { type AuditChange, ERRORS, findDivision, STAFF_ROLE_LABELS, STAFF_ROLES, type AuditEntry } from '@anqian/shared';
import { ListTable } from '@/components/list-table';
import { useDivisions } from '@/lib/divisions';
import { formatDateTimeShort } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useListParams } from '@/lib/use-list-params';
import { useAuditLogs } from '@/features/audit/api/list-audit-logs';
import { actionLabel, TARGET_TYPE_LABELS } from '@/features/audit/components/audit-actions';
import { AuditFilters } from '@/features/audit/components/audit-filters';

const FILTER_KEYS = ['actor', 'action', 'result', 'from', 'to'] as const;

/** Dates in the URL are local calendar days; the API takes instants. */
function dayBoundary(value: string | undefined, edge: 'start' | 'end'): string | undefined {
  if (!value) return undefined;
  const day = dayjs(value, 'YYYY-MM-DD');
  if (!day.isValid()) return undefined;
  return (edge === 'start' ? day.startOf('day') : day.endOf('day')).toISOString();
}

/** Failed actions record the error code as their detail; show the message staff know instead. */
function describeDetail(detail: string): string {
  return Object.hasOwn(ERRORS, detail) ? `${ERRORS[detail as keyof typeof ERRORS].message}（${detail}）` : detail;
}

const changeText = (change: AuditChange) => `${change.field}：${change.before || '（空）'} → ${change.after || '（空）'}`;

function roleLabel(role: string | null): string {
  const known = STAFF_ROLES.find((candidate) => candidate === role);
  return known ? STAFF_ROLE_LABELS[known] : (role ?? '');
}

export function AuditLogPage() {
  useDocumentTitle('审计日志');
  const list = useListParams(FILTER_KEYS);
  const divisions = useDivisions();
  const { filters } = list;
  const logs = useAuditLogs({
    page: list.page,
    pageSize: list.pageSize,
    actor: filters.actor,
    action: filters.action,
    result: filters.result === 'success' || filters.result === 'failure' ? filters.result : undefined,
    from: dayBoundary(filters.from, 'start'),
    to: dayBoundary(filters.to, 'end'),
  });

  const divisionName = (code: string | null) =>
    (code && divisions.data && findDivision(divisions.data, code)?.name) || code || '—';

  const columns: TableColumnsType<AuditEntry> = [
    { title: '时间', dataIndex: 'at', width: 170, render: (value: string) => formatDateTimeShort(value) },
    {
      title: '操作人',
      key: 'actor',
      width: 160,
      render: (_value, entry) => (
        <Flex vertical>
          <span>{entry.actorName}</span>
          {entry.role && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {roleLabel(entry.role)}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: '所属区划', dataIndex: 'divisionCode', width: 130, render: (code: string | null) => divisionName(code) },
    { title: 'IP 地址', dataIndex: 'ip', width: 130 },
    {
      title: '操作',
      dataIndex: 'action',
      width: 130,
      render: (action: string) => <Tooltip title={action}>{actionLabel(action)}</Tooltip>,
    },
    {
      title: '对象',
      key: 'target',
      width: 190,
      render: (_value, entry) =>
        entry.targetType ? (
          <Flex vertical>
            {entry.targetName && <span>{entry.targetName}</span>}
            <span>
              <Typography.Text type={entry.targetName ? 'secondary' : undefined} style={entry.targetName ? { fontSize: 12 } : undefined}>
                {TARGET_TYPE_LABELS[entry.targetType] ?? entry.targetType}
              </Typography.Text>
              {entry.targetId && (
                // Records written before names were kept show the number's tail; either way it copies in full.
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }} copyable={{ text: entry.targetId, tooltips: ['复制编号', '已复制'] }}>
                  {entry.targetName ? '' : entry.targetId.slice(-8)}
                </Typography.Text>
              )}
            </span>
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: '结果',
      dataIndex: 'result',
      width: 80,
      render: (result: AuditEntry['result']) => (result === 'success' ? <Tag color="success">成功</Tag> : <Tag color="error">失败</Tag>),
    },
    {
      title: '详情',
      key: 'detail',
      render: (_value, entry) => {
        if (!entry.detail && entry.changes.length === 0) return '—';
        const text = entry.detail ? describeDetail(entry.detail) : '';
        return (
          <Flex vertical gap={2}>
            {entry.changes.map((change) => (
              <Typography.Text key={change.field} ellipsis={{ tooltip: changeText(change) }}>
                <Typography.Text type="secondary">{change.field}：</Typography.Text>
                {change.before || '（空）'} → {change.after || '（空）'}
              </Typography.Text>
            ))}
            {text && <Typography.Text ellipsis={{ tooltip: text }}>{text}</Typography.Text>}
          </Flex>
        );
      },
    },
  ];

  return (
    <Card title="审计日志" extra={<Typography.Text type="secondary">登录和所有修改操作都会记录，日志至少保留 180 天，任何人都不能删除</Typography.Text>}>
      <Flex vertical gap={16}>
        <AuditFilters
          values={filters}
          // Searching again with unchanged filters means "refresh".
          onSearch={(next) => {
            if (!list.setFilters(next)) void logs.refetch();
          }}
        />
        <ListTable<AuditEntry>
          query={logs}
          list={list}
          errorTitle="审计日志加载失败"
          empty={{ filtered: '没有符合条件的日志，试试调整筛选条件', none: '还没有审计日志' }}
          totalLabel={(total) => `共 ${total} 条`}
          size="middle"
          columns={columns}
          scroll={{ x: 1240 }}
        />
      </Flex>
    </Card>
  );
}
