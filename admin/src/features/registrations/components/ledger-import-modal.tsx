import { useState } from 'react';
import { Alert, Button, Flex, Modal, Statistic, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { LedgerImportReport } from '@anqian/shared';
import { isApiError } from '@/lib/api-client';
import { useDownloadImportTemplate } from '@/features/registrations/api/download-import-template';
import { useImportRegistrations } from '@/features/registrations/api/import-registrations';

type Props = { open: boolean; onClose: () => void };

export function LedgerImportModal({ open, onClose }: Props) {
  return (
    <Modal open={open} title="导入台账" onCancel={onClose} footer={null} maskClosable={false} destroyOnHidden width={720}>
      <LedgerImport onClose={onClose} />
    </Modal>
  );
}

function LedgerImport({ onClose }: { onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const template = useDownloadImportTemplate();
  const importer = useImportRegistrations();
  const report = importer.data;

  if (report) return <ImportReport report={report} onAgain={() => { setFile(null); importer.reset(); }} onClose={onClose} />;

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
        <Button type="primary" disabled={!file} loading={importer.isPending} onClick={() => file && importer.mutate(file)}>
          开始导入
        </Button>
      </Flex>
    </Flex>
  );
}

function describe(report: LedgerImportReport): { type: 'success' | 'warning'; title: string } {
  if (report.totalRows === 0) return { type: 'warning', title: '文件里没有可导入的数据行，请在模板的“登记信息”表中逐行填写后再导入' };
  if (report.rejected.length > 0) return { type: 'warning', title: '部分行未导入，请按原因修改后重新导入这些行' };
  return { type: 'success', title: `导入完成，新增 ${report.imported} 户登记` };
}

function ImportReport({ report, onAgain, onClose }: { report: LedgerImportReport; onAgain: () => void; onClose: () => void }) {
  const outcome = describe(report);
  return (
    <Flex vertical gap={16}>
      <Alert type={outcome.type} showIcon title={outcome.title} />
      <Flex gap={48}>
        <Statistic title="台账行数" value={report.totalRows} />
        <Statistic title="成功导入" value={report.imported} styles={{ content: { color: '#389e0d' } }} />
        <Statistic title="重复（已有登记）" value={report.duplicates.length} />
        <Statistic title="未通过校验" value={report.rejected.length} styles={report.rejected.length ? { content: { color: '#cf1322' } } : undefined} />
      </Flex>
      {report.rejected.length > 0 && (
        <Table
          size="small"
          title={() => <Typography.Text strong>未通过校验的行</Typography.Text>}
          rowKey="row"
          dataSource={report.rejected}
          pagination={report.rejected.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
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
      )}
      {report.duplicates.length > 0 && (
        <Table
          size="small"
          title={() => <Typography.Text strong>重复的行（未导入）</Typography.Text>}
          rowKey="row"
          dataSource={report.duplicates}
          pagination={report.duplicates.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          columns={[
            { title: '表格行号', dataIndex: 'row', width: 90 },
            { title: '户主', dataIndex: 'headName' },
          ]}
        />
      )}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onAgain}>继续导入</Button>
        <Button type="primary" onClick={onClose}>
          完成
        </Button>
      </Flex>
    </Flex>
  );
}
