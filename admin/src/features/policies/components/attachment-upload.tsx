import { useRef, useState } from 'react';
import { App, Button, Upload, type UploadFile, type UploadProps } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { MAX_POLICY_ATTACHMENT_BYTES, MAX_POLICY_ATTACHMENTS, POLICY_ATTACHMENT_MIME_TYPE, type PolicyAttachment } from '@anqian/shared';
import { isApiError } from '@/lib/api-client';
import { policyAttachmentUrl, uploadPolicyAttachment } from '@/features/policies/api/upload-attachment';
import { formatFileSize } from '@/features/policies/components/attachment-list';

const MAX_MB = MAX_POLICY_ATTACHMENT_BYTES / 1024 / 1024;

type Props = {
  value?: PolicyAttachment[];
  onChange?: (value: PolicyAttachment[]) => void;
  disabled?: boolean;
};

/** Each PDF is uploaded as soon as it is chosen; the form keeps the finished ones in order. */
export function AttachmentUpload({ value = [], onChange, disabled }: Props) {
  const { message } = App.useApp();
  const [pending, setPending] = useState<UploadFile[]>([]);
  // Several uploads can finish before the form re-renders with the previous one.
  const latest = useRef(value);
  latest.current = value;

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    const isPdf = file.type === POLICY_ATTACHMENT_MIME_TYPE || file.name.toLowerCase().endsWith('.pdf');
    if (!isPdf) {
      void message.error(`“${file.name}”不是 PDF 文件，附件只能是 PDF`);
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_POLICY_ATTACHMENT_BYTES) {
      void message.error(`“${file.name}”有 ${formatFileSize(file.size)}，超过 ${MAX_MB} MB 的上限`);
      return Upload.LIST_IGNORE;
    }
    if (latest.current.length + pending.length >= MAX_POLICY_ATTACHMENTS) {
      void message.error(`附件最多 ${MAX_POLICY_ATTACHMENTS} 个`);
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps['customRequest'] = ({ file }) => {
    const upload = file as File & { uid: string };
    setPending((current) => [...current, { uid: upload.uid, name: upload.name, status: 'uploading' }]);
    uploadPolicyAttachment(upload)
      .then((attachment) => {
        setPending((current) => current.filter((entry) => entry.uid !== upload.uid));
        onChange?.([...latest.current, attachment]);
      })
      .catch((error: unknown) => {
        setPending((current) => current.filter((entry) => entry.uid !== upload.uid));
        const reason = isApiError(error) ? error.message : '上传失败，请重试';
        void message.error(`“${upload.name}”未上传：${reason}`);
      });
  };

  const fileList: UploadFile[] = [
    ...value.map((attachment) => ({
      uid: attachment.id,
      name: `${attachment.name}（${formatFileSize(attachment.size)}）`,
      status: 'done' as const,
      url: policyAttachmentUrl(attachment.id),
    })),
    ...pending,
  ];

  return (
    <Upload
      accept=".pdf,application/pdf"
      multiple
      fileList={fileList}
      beforeUpload={beforeUpload}
      customRequest={customRequest}
      disabled={disabled}
      onRemove={(file) => {
        onChange?.(latest.current.filter((attachment) => attachment.id !== file.uid));
        return false;
      }}
      showUploadList={{ showRemoveIcon: !disabled }}
    >
      {!disabled && (
        <Button icon={<UploadOutlined />} disabled={value.length + pending.length >= MAX_POLICY_ATTACHMENTS}>
          上传 PDF
        </Button>
      )}
    </Upload>
  );
}
