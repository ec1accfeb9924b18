import { Flex, Progress, Statistic, Table, Typography, type ProgressProps } from 'antd';
import type { LedgerImportJob, LedgerImportStatus } from '@anqian/shared';

const PROGRESS_STATUS: Record<LedgerImportStatus, ProgressProps['status']> = {
  running: 'active',
  done: 'success',
  failed: 'exception',
  interrupted: 'normal',
};

/** How far an import got; a failed one shows red where it stopped. */
export function ImportProgress({ job }: { job: LedgerImportJob }) {
  const percent = job.totalRows > 0 ? Math.floor((job.processedRows / job.totalRows) * 100) : 0;
  return (
    <Flex vertical>
      <Progress percent={percent} status={PROGRESS_STATUS[job.status]} aria-label={`已处理 ${job.processedRows} / ${job.totalRows} 行`} />
      <Typography.Text type="secondary">
        已处理 {job.processedRows} / {job.totalRows} 行
      </Typography.Text>
    </Flex>
  );
}

type CountsProps = {
  job: LedgerImportJob;
  /** Reports show the ledger's size; while running the progress bar already does. */
  showTotal?: boolean;
};

export function ImportCounts({ job, showTotal = false }: CountsProps) {
  return (
    <Flex gap={48}>
      {showTotal && <Statistic title="台账行数" value={job.totalRows} />}
      <Statistic title="成功导入" value={job.imported} styles={{ content: { color: '#389e0d' } }} />
      <Statistic title="重复（已有登记）" value={job.duplicates.length} />
      <Statistic title="未通过校验" value={job.rejected.length} styles={job.rejected.length ? { content: { color: '#cf1322' } } : undefined} />
    </Flex>
  );
}

const pagination = (rows: number) => (rows > 10 ? { pageSize: 10, showSizeChanger: false } : false);

export function RejectedRowsTable({ rows }: { rows: LedgerImportJob['rejected'] }) {
  if (rows.length === 0) return null;
  return (
    <Table
      size="small"
      title={() => <Typography.Text strong>未通过校验的行</Typography.Text>}
      rowKey="row"
      dataSource={rows}
      pagination={pagination(rows.length)}
      columns={[
        { title: '表格行号', dataIndex: 'row', width: 90 },
        {
          title: '原因',
          dataIndex: 'reasons',
          render: (reasons: string[]) => (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}

export function DuplicateRowsTable({ rows }: { rows: LedgerImportJob['duplicates'] }) {
  if (rows.length === 0) return null;
  return (
    <Table
      size="small"
      title={() => <Typography.Text strong>重复的行（未导入）</Typography.Text>}
      rowKey="row"
      dataSource={rows}
      pagination={pagination(rows.length)}
      columns={[
        { title: '表格行号', dataIndex: 'row', width: 90 },
        { title: '户主', dataIndex: 'headName' },
      ]}
    />
  );
}
