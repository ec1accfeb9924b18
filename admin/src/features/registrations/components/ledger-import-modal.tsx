import { useState } from 'react';
import { Alert, Button, Flex, Modal, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { isApiError } from '@/lib/api-client';
import { useDownloadImportTemplate } from '@/features/registrations/api/download-import-template';
import { useImportRegistrations } from '@/features/registrations/api/import-registrations';
import { LedgerImportJobView } from '@/features/registrations/components/ledger-import-job-view';
import { RecentLedgerImports } from '@/features/registrations/components/recent-ledger-imports';

type Props = { open: boolean; onClose: () => void };

export function LedgerImportModal({ open, onClose }: Props) {
  return (
    <Modal open={open} title="导入台账" onCancel={onClose} footer={null} maskClosable={false} destroyOnHidden width={720}>
      <LedgerImport onClose={onClose} />
    </Modal>
  );
}

/** Choosing a file and the recent imports first; then the import that was started or opened. */
function LedgerImport({ onClose }: { onClose: () => void }) {
  const [jobId, setJobId] = useState<string | null>(null);
  if (jobId) return <LedgerImportJobView jobId={jobId} onBack={() => setJobId(null)} onClose={onClose} />;
  return <StartImport onOpenJob={setJobId} onClose={onClose} />;
}

function StartImport({ onOpenJob, onClose }: { onOpenJob: (jobId: string) => void; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const template = useDownloadImportTemplate();
  const importer = useImportRegistrations();
  const start = (picked: File) => importer.mutate(picked, { onSuccess: (job) => onOpenJob(job.id) });

  return (
    <Flex vertical gap={16}>
      <Alert
        type="info"
        showIcon
        title="请使用系统模板填写台账"
        description={
          <>
            每行一户，成员写在同一行。已有正在办理登记的户会被识别为重复，不会重复导入；有问题的行会列出原因，其余行照常导入。
            <Button type="link" size="small" loading={template.isPending} onClick={() => template.mutate()}>
              下载导入模板
            </Button>
          </>
        }
      />
      <Upload.Dragger
        accept=".xlsx"
        maxCount={1}
        fileList={file ? [{ uid: 'ledger', name: file.name, status: 'done' }] : []}
        beforeUpload={(picked) => {
          setFile(picked);
          importer.reset();
          // Kept in the dialog until the user confirms; the upload happens on "开始导入".
          return false;
        }}
        onRemove={() => setFile(null)}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或拖入台账文件（.xlsx）</p>
      </Upload.Dragger>
      {importer.isError && (
        <Alert type="error" showIcon title="导入失败" description={isApiError(importer.error) ? importer.error.message : '导入时出现意外错误，请稍后再试'} />
      )}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>取消</Button>
        <Button type="primary" disabled={!file} loading={importer.isPending} onClick={() => file && start(file)}>
          开始导入
        </Button>
      </Flex>
      <RecentLedgerImports onOpen={onOpenJob} />
    </Flex>
  );
}
