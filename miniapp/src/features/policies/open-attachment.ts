import Taro from '@tarojs/taro';
import type { PolicyAttachment } from '@anqian/shared';
import { errorMessage } from '@/lib/request';
import { downloadAttachment } from './policies-api';

class OpenFailed extends Error {}

/**
 * WeChat: download behind the resident's token, then open it in WeChat's document viewer. Resolves
 * once the viewer is open; nothing is left for the page to show.
 */
export async function openAttachmentInWechat(attachment: PolicyAttachment): Promise<void> {
  const filePath = await downloadAttachment(attachment.id);
  try {
    await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true });
  } catch {
    throw new OpenFailed('附件已下载，但手机没能打开它，请稍后再试');
  }
}

/**
 * H5: a plain link to the API would go without the token, so fetch the PDF first and hand back a
 * blob URL for a link the resident taps (a pop-up opened after a download would be blocked).
 */
export function fetchAttachmentForBrowser(attachment: PolicyAttachment): Promise<string> {
  return downloadAttachment(attachment.id);
}

export function attachmentErrorMessage(failure: unknown): string {
  return failure instanceof OpenFailed ? failure.message : errorMessage(failure);
}
