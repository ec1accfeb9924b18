import type { ButtonProps } from '@tarojs/components';
import type { BaseEventOrig } from '@tarojs/components/types/common';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { Notice } from '@/components/notice';
import { useAction } from '@/lib/use-action';
import { bindPhone, devPhoneCode } from '../phone';

/** WeChat's phone-number button; the code it returns is exchanged by our server, never stored here. */
export function BindPhoneButton({ label }: { label: string }) {
  const bind = useAction(async (code?: string) =>
    bindPhone(code ?? (process.env.TARO_ENV === 'h5' ? await devPhoneCode() : '')),
  );
  const [declined, setDeclined] = useState<string | null>(null);

  const handlePhone = (event: BaseEventOrig<ButtonProps.onGetPhoneNumberEventDetail>) => {
    const { code, errMsg } = event.detail;
    if (code) {
      setDeclined(null);
      void bind.run(code);
      return;
    }
    setDeclined(
      /privacy|104/.test(errMsg)
        ? '需要先同意隐私保护指引，才能获取手机号。'
        : '您没有授权手机号。需要时可以再点一次按钮。',
    );
  };

  return (
    <View className='bind-phone'>
      {declined ? <Notice tone='info'>{declined}</Notice> : null}
      {bind.error ? <Notice tone='error'>{bind.error}</Notice> : null}
      <ActionButton
        loading={bind.loading}
        {...(process.env.TARO_ENV === 'weapp'
          ? { openType: 'getPhoneNumber', onGetPhoneNumber: handlePhone }
          : { onClick: () => void bind.run() })}
      >
        {bind.loading ? '正在绑定…' : label}
      </ActionButton>
    </View>
  );
}
