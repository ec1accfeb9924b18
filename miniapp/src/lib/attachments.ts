import Taro from '@tarojs/taro';
import { formatFileSize } from '@/lib/file-size';
import { errorMessage } from '@/lib/request';

/** A file attached to a policy or an announcement; without a type it is a PDF. */
export type Attachment = { id: string; name: string; size: number; mimeType?: string };

const isPdf = (attachment: Attachment) => !attachment.mimeType || attachment.mimeType === 'application/pdf';

/** `PDF 文件，250 KB` or `图片，1.2 MB`. */
export const attachmentDescription = (attachment: Attachment) => `${isPdf(attachment) ? 'PDF 文件' : '图片'}，${formatFileSize(attachment.size)}`;

class OpenFailed extends Error {}

/**
 * WeChat: the file was downloaded behind the resident's token; a PDF opens in the document viewer,
 * a picture in the image viewer. Resolves once the viewer is open.
 */
export async function openDownloadedAttachment(attachment: Attachment, filePath: string): Promise<void> {
  try {
    if (isPdf(attachment)) await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true });
    else await Taro.previewImage({ urls: [filePath], current: filePath });
  } catch {
    throw new OpenFailed('附件已下载，但手机没能打开它，请稍后再试');
  }
}

export function attachmentErrorMessage(failure: unknown): string {
  return failure instanceof OpenFailed ? failure.message : errorMessage(failure);
}
