import { Alert, Button, Flex, Spin, Table, Typography } from 'antd';
import type { LedgerImportJobSummary } from '@anqian/shared';
import { isApiError } from '@/lib/api-client';
import { formatDateTimeShort } from '@/lib/format';
import { useRecentLedgerImports } from '@/features/registrations/api/ledger-import-jobs';
import { LedgerImportStatusTag } from '@/features/registrations/components/ledger-import-status-tag';

function ImportResult({ job }: { job: LedgerImportJobSummary }) {
  return (
    <Flex vertical>
      <span>
        成功 {job.imported} · 重复 {job.duplicateCount} · 未通过 {job.rejectedCount}
      </span>
      {job.status === 'running' && (
        <Typography.Text type="secondary">
          已处理 {job.processedRows} / {job.totalRows} 行
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The caller's own recent imports, each opening its progress or report; nothing when there are none. */
export function RecentLedgerImports({ onOpen }: { onOpen: (id: string) => void }) {
  const recent = useRecentLedgerImports();
  if (recent.isPending) return <Spin size="small" style={{ display: 'block', margin: '8px auto' }} />;
  if (recent.isLoadingError) {
    return (
      <Alert
        type="error"
        showIcon
        title="最近的导入加载失败"
        description={isApiError(recent.error) ? recent.error.message : '出现了意外错误，请稍后再试'}
        action={
          <Button size="small" onClick={() => void recent.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  const jobs = recent.data.items;
  if (jobs.length === 0) return null;
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>最近的导入</Typography.Text>
      <Table<LedgerImportJobSummary>
        size="small"
        rowKey="id"
        dataSource={jobs}
        pagination={false}
        onRow={(job) => ({ onClick: () => onOpen(job.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '文件', dataIndex: 'fileName', ellipsis: true },
          { title: '开始时间', dataIndex: 'startedAt', width: 160, render: (value: string) => formatDateTimeShort(value) },
          { title: '状态', dataIndex: 'status', width: 80, render: (_, job) => <LedgerImportStatusTag status={job.status} /> },
          { title: '结果', key: 'result', width: 200, render: (_, job) => <ImportResult job={job} /> },
          {
            title: '',
            key: 'open',
            width: 60,
            render: (_, job) => (
              <Button type="link" size="small" aria-label={`查看 ${job.fileName}`} onClick={() => onOpen(job.id)}>
                查看
              </Button>
            ),
          },
        ]}
      />
    </Flex>
  );
}
