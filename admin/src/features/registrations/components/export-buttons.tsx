import { App, Button, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { RegistrationFilter } from '@anqian/shared';
import { useExportRegistrations } from '@/features/registrations/api/export-registrations';

type Props = {
  filter: Partial<RegistrationFilter>;
  /** The account's own permission to export unmasked ID numbers and phones. */
  canExportFull: boolean;
};

export function ExportButtons({ filter, canExportFull }: Props) {
  const { message, modal } = App.useApp();
  const exporter = useExportRegistrations();

  const run = (full: boolean) =>
    exporter.mutate(
      { filter, full },
      { onSuccess: () => void message.success(full ? '已导出完整信息台账，请妥善保管' : '台账已导出') },
    );

  return (
    <Space>
      <Button icon={<DownloadOutlined />} loading={exporter.isPending && !exporter.variables?.full} disabled={exporter.isPending} onClick={() => run(false)}>
        导出台账
      </Button>
      {canExportFull && (
        <Button
          icon={<DownloadOutlined />}
          loading={exporter.isPending && exporter.variables?.full}
          disabled={exporter.isPending}
          onClick={() =>
            modal.confirm({
              title: '导出完整信息？',
              content: '导出的台账包含完整身份证号和手机号。导出行为会记入审计日志，文件请仅用于工作，不得外传。',
              okText: '导出',
              cancelText: '取消',
              onOk: () => run(true),
            })
          }
        >
          导出完整信息
        </Button>
      )}
    </Space>
  );
}
