import { View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { CheckRow } from '@/components/check-row';
import { Notice } from '@/components/notice';
import { useSession } from '@/lib/auth';
import { useAction } from '@/lib/use-action';
import { giveConsent } from '../consent';
import { AGREE_BUTTON_ID, answerPlatformPrivacy } from '../platform-privacy';

type Props = { onDone?: () => void; onDecline?: () => void; declineText?: string };

/**
 * Agree to the privacy notice, with sensitive data (ID numbers) as a separate, unticked choice
 * (PIPL Art. 29). On WeChat the same tap also records the platform privacy authorization.
 */
export function ConsentForm({ onDone, onDecline, declineText = '暂不同意' }: Props) {
  const { resident } = useSession();
  const [sensitive, setSensitive] = useState(resident?.consent?.sensitive ?? false);
  const agree = useAction(giveConsent);

  const handleAgree = async () => {
    if (await agree.run(sensitive)) onDone?.();
  };

  return (
    <View className='consent-form'>
      <CheckRow
        checked={sensitive}
        onToggle={() => setSensitive((value) => !value)}
        label='同意处理身份证号等敏感个人信息'
        hint='用于核实户籍和发放补助，可随时撤回；不勾选也能使用其他功能。'
      />
      {agree.error ? <Notice tone='error'>{agree.error}</Notice> : null}
      <ActionButton
        id={AGREE_BUTTON_ID}
        loading={agree.loading}
        onClick={handleAgree}
        {...(process.env.TARO_ENV === 'weapp'
          ? { openType: 'agreePrivacyAuthorization', onAgreePrivacyAuthorization: () => answerPlatformPrivacy(true) }
          : {})}
      >
        {agree.loading ? '正在提交…' : '同意并继续'}
      </ActionButton>
      {onDecline ? (
        <ActionButton variant='secondary' onClick={onDecline}>
          {declineText}
        </ActionButton>
      ) : null}
    </View>
  );
}
