import { useState } from 'react';
import { Alert, Button, Flex, Modal, Result, Table, Tag, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { EmploymentImportReport, EmploymentImportRow } from '@anqian/shared';
import { isApiError } from '@/lib/api-client';
import { useImportEmployment } from '@/features/employment/api/import-employment';

export function EmploymentImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} title="导入就业状态" onCancel={onClose} footer={null} maskClosable={false} destroyOnHidden width={760}>
      <EmploymentImport onClose={onClose} />
    </Modal>
  );
}

function EmploymentImport({ onClose }: { onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const importer = useImportEmployment();

  if (importer.data) return <ImportReport report={importer.data} onAgain={() => importer.reset()} onClose={onClose} />;

  return (
    <Flex vertical gap={16}>
      <Alert
        type="info"
        showIcon
        title="先“导出完整身份证号”，在表里改好“就业状态”“状态日期”，再导入"
        description="按身份证号找到本辖区台账中的成员。就业状态填：务工（县内）、务工（县外）、本地就业、公益性岗位、自主创业、灵活就业、未就业、无劳动能力；状态日期不填时按今天。有问题的行不导入，并写明原因，其余行照常导入。"
      />
      <Upload.Dragger
        accept=".xlsx"
        maxCount={1}
        fileList={file ? [{ uid: 'employment', name: file.name, status: 'done' }] : []}
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
        <p className="ant-upload-text">点击或拖入就业台账文件（.xlsx，不超过 5 MB）</p>
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

function ImportReport({ report, onAgain, onClose }: { report: EmploymentImportReport; onAgain: () => void; onClose: () => void }) {
  const failed = report.rows.filter((row) => row.result === 'failed');
  return (
    <Flex vertical gap={16}>
      <Result
        status={report.failed === 0 ? 'success' : report.applied === 0 ? 'error' : 'warning'}
        title={`共 ${report.total} 行：导入 ${report.applied} 行，未导入 ${report.failed} 行`}
        subTitle={report.failed > 0 ? '下面列出未导入的行和原因，改好后可以只把这些行再导入一次。' : '所有行都已导入。'}
        style={{ padding: 16 }}
      />
      {failed.length > 0 && (
        <Table<EmploymentImportRow>
          rowKey="row"
          size="small"
          dataSource={failed}
          pagination={failed.length > 10 ? { pageSize: 10 } : false}
          columns={[
            { title: '行号', dataIndex: 'row', width: 70 },
            { title: '姓名', dataIndex: 'name', width: 90 },
            { title: '身份证号', dataIndex: 'idNumberMasked', width: 190 },
            {
              title: '原因',
              key: 'problems',
              render: (_value, row) => (
                <Flex vertical gap={2}>
                  {row.problems.map((problem, index) => (
                    <Typography.Text key={index}>
                      <Tag>{problem.column}</Tag>
                      {problem.message}
                    </Typography.Text>
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      )}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onAgain}>再导入一个文件</Button>
        <Button type="primary" onClick={onClose}>
          完成
        </Button>
      </Flex>
    </Flex>
  );
}
