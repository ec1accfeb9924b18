import { Alert, Button, Flex, Spin, Typography } from 'antd';
import type { LedgerImportJob } from '@anqian/shared';
import { ErrorState } from '@/components/error-state';
import { formatDateTimeShort } from '@/lib/format';
import { useLedgerImportJob } from '@/features/registrations/api/ledger-import-jobs';
import { DuplicateRowsTable, ImportCounts, ImportProgress, RejectedRowsTable } from '@/features/registrations/components/ledger-import-results';
import { LedgerImportStatusTag } from '@/features/registrations/components/ledger-import-status-tag';

type Props = {
  jobId: string;
  /** Back to choosing a file (and the recent imports). */
  onBack: () => void;
  onClose: () => void;
};

/** One import: its progress while it runs, then its report. */
export function LedgerImportJobView({ jobId, onBack, onClose }: Props) {
  const query = useLedgerImportJob(jobId);
  if (query.isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (query.isLoadingError) {
    return (
      <Flex vertical>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} title="导入记录加载失败" />
        <Flex justify="flex-end">
          <Button onClick={onBack}>返回</Button>
        </Flex>
      </Flex>
    );
  }
  const job = query.data;
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8} wrap>
        <Typography.Text strong>{job.fileName}</Typography.Text>
        <LedgerImportStatusTag status={job.status} />
        <Typography.Text type="secondary">开始于 {formatDateTimeShort(job.startedAt)}</Typography.Text>
      </Flex>
      {query.isRefetchError && (
        <Typography.Text type="danger">
          {job.status === 'running' ? '进度刷新失败，显示的是之前的进度。' : '刷新失败，显示的是之前的结果。'}
          <Button type="link" size="small" onClick={() => void query.refetch()}>
            重试
          </Button>
        </Typography.Text>
      )}
      {job.status === 'running' && <RunningImport job={job} onBack={onBack} onClose={onClose} />}
      {job.status === 'done' && <FinishedImport job={job} onAgain={onBack} onClose={onClose} />}
      {(job.status === 'failed' || job.status === 'interrupted') && <StoppedImport job={job} onAgain={onBack} onClose={onClose} />}
    </Flex>
  );
}

function RunningImport({ job, onBack, onClose }: { job: LedgerImportJob; onBack: () => void; onClose: () => void }) {
  return (
    <>
      <ImportProgress job={job} />
      <ImportCounts job={job} />
      <Alert type="info" showIcon title="关闭对话框后，导入会在后台继续" description="结果可以稍后在“导入台账 → 最近的导入”中查看。" />
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onBack}>返回</Button>
        <Button type="primary" onClick={onClose}>
          关闭
        </Button>
      </Flex>
    </>
  );
}

function outcomeOf(job: LedgerImportJob): { type: 'success' | 'warning'; title: string } {
  if (job.totalRows === 0) return { type: 'warning', title: '文件里没有可导入的数据行，请在模板的“登记信息”表中逐行填写后再导入' };
  if (job.rejected.length > 0) return { type: 'warning', title: '部分行未导入，请按原因修改后重新导入这些行' };
  return { type: 'success', title: `导入完成，新增 ${job.imported} 户登记` };
}

function FinishedImport({ job, onAgain, onClose }: { job: LedgerImportJob; onAgain: () => void; onClose: () => void }) {
  const outcome = outcomeOf(job);
  return (
    <>
      <Alert type={outcome.type} showIcon title={outcome.title} />
      <ImportReport job={job} />
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onAgain}>继续导入</Button>
        <Button type="primary" onClick={onClose}>
          完成
        </Button>
      </Flex>
    </>
  );
}

/** Failed or interrupted: what was imported stays, and the same file again imports only the rest. */
function StoppedImport({ job, onAgain, onClose }: { job: LedgerImportJob; onAgain: () => void; onClose: () => void }) {
  const failed = job.status === 'failed';
  return (
    <>
      <Alert
        type={failed ? 'error' : 'warning'}
        showIcon
        title={failed ? '导入出错，未能完成' : '导入被中断，未能完成'}
        description={
          <>
            {job.failure && <div>{job.failure}</div>}
            <div>已导入的 {job.imported} 户会保留。点“重新导入”再选同一个文件，只会导入还缺的行。</div>
          </>
        }
      />
      <ImportProgress job={job} />
      <ImportReport job={job} />
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onAgain}>重新导入</Button>
        <Button type="primary" onClick={onClose}>
          关闭
        </Button>
      </Flex>
    </>
  );
}

/** The counts and the rows that were not imported, with their reasons. */
function ImportReport({ job }: { job: LedgerImportJob }) {
  return (
    <>
      <ImportCounts job={job} showTotal />
      <RejectedRowsTable rows={job.rejected} />
      <DuplicateRowsTable rows={job.duplicates} />
    </>
  );
}
