import { Text, Textarea, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { type ResidentRequest, reopenRequestBodySchema } from '@anqian/shared';
import { ActionButton } from '@/components/action-button';
import { Field } from '@/components/form-fields';
import { Notice } from '@/components/notice';
import { confirmDialog } from '@/lib/dialog';
import { formatChinaTime } from '@/lib/format-date';
import { useAction } from '@/lib/use-action';
import { reopenRequest } from '../requests-api';
import './requests.scss';

const REASON_MAX = 500;

/** Once, within 7 days of the answer: the request goes back to the township with the reason. */
export function ReopenCard({ request, onChange }: { request: ResidentRequest; onChange: (request: ResidentRequest) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const send = useAction(
    useCallback(async () => {
      const confirmed = await confirmDialog({
        title: '申请重新处理',
        content: '每件诉求只能申请一次重新处理。提交后乡镇会重新办理，并再次答复您。',
        confirmText: '提交申请',
      });
      if (confirmed) onChange(await reopenRequest(request.id, reason));
    }, [onChange, reason, request.id]),
  );

  const submit = () => {
    const checked = reopenRequestBodySchema.safeParse({ reason });
    setProblem(checked.success ? null : (checked.error.issues[0]?.message ?? '请写明原因'));
    if (checked.success) void send.run();
  };

  return (
    <View className='rg-card'>
      <Text className='rg-card__title'>对答复不满意？</Text>
      <Text className='rg-card__text'>
        {`问题没有解决，可以在 ${request.reopenUntil ? formatChinaTime(request.reopenUntil) : '7 天内'} 之前申请重新处理，只能申请一次。`}
      </Text>
      {open ? (
        <>
          <Field label='为什么要重新处理' required error={problem ?? undefined}>
            <Textarea
              className='rg-textarea rq-textarea--short'
              value={reason}
              placeholder='比如：答复说已经修好了，但是还在漏水'
              placeholderClass='rg-input__placeholder'
              maxlength={REASON_MAX}
              onInput={(event) => {
                setReason(event.detail.value);
                setProblem(null);
              }}
            />
          </Field>
          {send.error ? <Notice tone='error'>{send.error}</Notice> : null}
          <ActionButton loading={send.loading} onClick={submit}>
            {send.loading ? '正在提交…' : '提交重新处理申请'}
          </ActionButton>
          <ActionButton variant='secondary' onClick={() => setOpen(false)}>
            先不申请
          </ActionButton>
        </>
      ) : (
        <ActionButton variant='secondary' onClick={() => setOpen(true)}>
          申请重新处理
        </ActionButton>
      )}
    </View>
  );
}
