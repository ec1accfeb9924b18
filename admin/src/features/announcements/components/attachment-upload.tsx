import { useRef, useState } from 'react';
import { App, Button, Flex, Typography, Upload, type UploadFile, type UploadProps } from 'antd';
import { FileImageOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { ANNOUNCEMENT_ATTACHMENT_MIME_TYPES, MAX_ANNOUNCEMENT_ATTACHMENT_BYTES, MAX_ANNOUNCEMENT_ATTACHMENTS, type AnnouncementAttachment } from '@anqian/shared';
import { isApiError } from '@/lib/api-client';
import { announcementAttachmentUrl, uploadAnnouncementAttachment } from '@/features/announcements/api/upload-attachment';

const MAX_MB = MAX_ANNOUNCEMENT_ATTACHMENT_BYTES / 1024 / 1024;
const ACCEPTED_EXTENSIONS = /\.(pdf|jpe?g|png|webp)$/i;

export function formatFileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

type Props = { value?: AnnouncementAttachment[]; onChange?: (value: AnnouncementAttachment[]) => void };

/** Each file is uploaded as soon as it is chosen (the server checks its content); the form keeps the finished ones in order. */
export function AttachmentUpload({ value = [], onChange }: Props) {
  const { message } = App.useApp();
  const [pending, setPending] = useState<UploadFile[]>([]);
  // Several uploads can finish before the form re-renders with the previous one.
  const latest = useRef(value);
  latest.current = value;

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (!(ANNOUNCEMENT_ATTACHMENT_MIME_TYPES as readonly string[]).includes(file.type) && !ACCEPTED_EXTENSIONS.test(file.name)) {
      void message.error(`“${file.name}”不是 PDF 或图片，附件只能是 PDF、JPG、PNG、WebP`);
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_ANNOUNCEMENT_ATTACHMENT_BYTES) {
      void message.error(`“${file.name}”有 ${formatFileSize(file.size)}，超过 ${MAX_MB} MB 的上限`);
      return Upload.LIST_IGNORE;
    }
    if (latest.current.length + pending.length >= MAX_ANNOUNCEMENT_ATTACHMENTS) {
      void message.error(`附件最多 ${MAX_ANNOUNCEMENT_ATTACHMENTS} 个`);
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps['customRequest'] = ({ file }) => {
    const upload = file as File & { uid: string };
    setPending((current) => [...current, { uid: upload.uid, name: upload.name, status: 'uploading' }]);
    uploadAnnouncementAttachment(upload)
      .then((attachment) => {
        setPending((current) => current.filter((entry) => entry.uid !== upload.uid));
        onChange?.([...latest.current, attachment]);
      })
      .catch((error: unknown) => {
        setPending((current) => current.filter((entry) => entry.uid !== upload.uid));
        void message.error(`“${upload.name}”未上传：${isApiError(error) ? error.message : '上传失败，请重试'}`);
      });
  };

  const fileList: UploadFile[] = [
    ...value.map((attachment) => ({
      uid: attachment.id,
      name: `${attachment.name}（${formatFileSize(attachment.size)}）`,
      status: 'done' as const,
      url: announcementAttachmentUrl(attachment.id),
    })),
    ...pending,
  ];

  return (
    <Upload
      accept=".pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp"
      multiple
      fileList={fileList}
      beforeUpload={beforeUpload}
      customRequest={customRequest}
      onRemove={(file) => {
        onChange?.(latest.current.filter((attachment) => attachment.id !== file.uid));
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} disabled={value.length + pending.length >= MAX_ANNOUNCEMENT_ATTACHMENTS}>
        上传 PDF 或图片
      </Button>
    </Upload>
  );
}

/** Files open in a new tab; the session cookie authorises them. */
export function AttachmentList({ attachments }: { attachments: AnnouncementAttachment[] }) {
  if (attachments.length === 0) return <Typography.Text type="secondary">无附件</Typography.Text>;
  return (
    <Flex vertical gap={6}>
      {attachments.map((attachment) => (
        <Flex key={attachment.id} gap={8} align="center">
          {attachment.mimeType === 'application/pdf' ? <FilePdfOutlined style={{ color: '#cf1322' }} /> : <FileImageOutlined style={{ color: '#1677ff' }} />}
          <Typography.Link href={announcementAttachmentUrl(attachment.id)} target="_blank" rel="noopener noreferrer">
            {attachment.name}
          </Typography.Link>
          <Typography.Text type="secondary">{formatFileSize(attachment.size)}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
