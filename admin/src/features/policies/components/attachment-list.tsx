import { Flex, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import type { PolicyAttachment } from '@anqian/shared';
import { policyAttachmentUrl } from '@/features/policies/api/upload-attachment';

export function formatFileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** PDFs open in a new tab; the session cookie authorises them. */
export function AttachmentList({ attachments }: { attachments: PolicyAttachment[] }) {
  if (attachments.length === 0) return <Typography.Text type="secondary">无附件</Typography.Text>;
  return (
    <Flex vertical gap={6}>
      {attachments.map((attachment) => (
        <Flex key={attachment.id} gap={8} align="center">
          <FilePdfOutlined style={{ color: '#cf1322' }} />
          <Typography.Link href={policyAttachmentUrl(attachment.id)} target="_blank" rel="noopener noreferrer">
            {attachment.name}
          </Typography.Link>
          <Typography.Text type="secondary">{formatFileSize(attachment.size)}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
