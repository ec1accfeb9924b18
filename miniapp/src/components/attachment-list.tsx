import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { Notice } from '@/components/notice';
import { attachmentDescription, attachmentErrorMessage, openDownloadedAttachment, type Attachment } from '@/lib/attachments';
import '@/styles/cards.scss';
import './attachment-list.scss';

type Props = {
  attachments: Attachment[];
  /** Downloads one behind the resident's token: a local file path in WeChat, a blob URL on H5. */
  download: (id: string) => Promise<string>;
};

export function AttachmentList({ attachments, download }: Props) {
  if (attachments.length === 0) return null;
  return (
    <View className='rg-card'>
      <Text className='rg-card__title'>{`附件（${attachments.length} 个）`}</Text>
      {attachments.map((attachment) => (
        <AttachmentRow key={attachment.id} attachment={attachment} download={download} />
      ))}
    </View>
  );
}

type RowState = { busy: boolean; error: string | null; browserUrl: string | null };

function AttachmentRow({ attachment, download }: { attachment: Attachment; download: Props['download'] }) {
  const [state, setState] = useState<RowState>({ busy: false, error: null, browserUrl: null });

  const open = async () => {
    setState((current) => ({ ...current, busy: true, error: null }));
    try {
      const file = await download(attachment.id);
      // H5: a plain link to the API would go without the token, and a pop-up opened after a
      // download is blocked, so the resident taps a link to the downloaded copy.
      if (process.env.TARO_ENV === 'h5') return setState({ busy: false, error: null, browserUrl: file });
      await openDownloadedAttachment(attachment, file);
      setState({ busy: false, error: null, browserUrl: null });
    } catch (failure) {
      setState({ busy: false, error: attachmentErrorMessage(failure), browserUrl: null });
    }
  };

  return (
    <View className='aq-attachment'>
      <Text className='aq-attachment__name'>{attachment.name}</Text>
      <Text className='aq-attachment__size'>{attachmentDescription(attachment)}</Text>
      {state.error ? <Notice tone='error'>{state.error}</Notice> : null}
      {process.env.TARO_ENV === 'h5' && state.browserUrl ? (
        <a className='aq-btn aq-btn--primary aq-attachment__link' href={state.browserUrl} target='_blank' rel='noopener noreferrer' download={attachment.name}>
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
