import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { PolicyAttachment } from '@anqian/shared';
import { ActionButton } from '@/components/action-button';
import { Notice } from '@/components/notice';
import { formatFileSize } from '../policy-display';
import { attachmentErrorMessage, fetchAttachmentForBrowser, openAttachmentInWechat } from '../open-attachment';
import './policies.scss';

export function AttachmentList({ attachments }: { attachments: PolicyAttachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <View className='pl-card'>
      <Text className='pl-card__title'>{`附件（${attachments.length} 个）`}</Text>
      {attachments.map((attachment) => (
        <AttachmentRow key={attachment.id} attachment={attachment} />
      ))}
    </View>
  );
}

type RowState = { busy: boolean; error: string | null; browserUrl: string | null };

function AttachmentRow({ attachment }: { attachment: PolicyAttachment }) {
  const [state, setState] = useState<RowState>({ busy: false, error: null, browserUrl: null });

  const open = async () => {
    setState((current) => ({ ...current, busy: true, error: null }));
    try {
      if (process.env.TARO_ENV === 'h5') {
        const browserUrl = await fetchAttachmentForBrowser(attachment);
        setState({ busy: false, error: null, browserUrl });
      } else {
        await openAttachmentInWechat(attachment);
        setState({ busy: false, error: null, browserUrl: null });
      }
    } catch (failure) {
      setState({ busy: false, error: attachmentErrorMessage(failure), browserUrl: null });
    }
  };

  return (
    <View className='pl-attachment'>
      <Text className='pl-attachment__name'>{attachment.name}</Text>
      <Text className='pl-attachment__size'>{`PDF 文件，${formatFileSize(attachment.size)}`}</Text>
      {state.error ? <Notice tone='error'>{state.error}</Notice> : null}
      {process.env.TARO_ENV === 'h5' && state.browserUrl ? (
        <a className='aq-btn aq-btn--primary pl-attachment__link' href={state.browserUrl} target='_blank' rel='noopener noreferrer' download={attachment.name}>
          点这里打开附件
        </a>
      ) : (
        <ActionButton variant='secondary' loading={state.busy} onClick={() => void open()}>
          {state.busy ? '正在下载…' : process.env.TARO_ENV === 'h5' ? '下载附件' : '打开附件'}
        </ActionButton>
      )}
    </View>
  );
}
