import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { ActionButton } from '@/components/action-button';
import { Notice } from '@/components/notice';
import { consentStatus } from '@/features/privacy/consent-status';
import { signIn, useSession } from '@/lib/auth';
import { ROUTES } from '@/lib/routes';
import { useAction } from '@/lib/use-action';
import './job-fairs.scss';

/**
 * Sign-ups and tickets carry the resident's name: the resident signs in and has agreed to the
 * current privacy notice (the server refuses otherwise). `why` says what signing in is for here.
 */
export function ResidentGate({ why, children }: { why: string; children: ReactNode }) {
  const { signedIn, resident } = useSession();
  const login = useAction(signIn);
  const status = consentStatus(signedIn, resident);
  if (status === 'given') return <>{children}</>;
  if (!signedIn) {
    return (
      <View className='jf-card'>
        <Text className='jf-card__title'>请先登录</Text>
        <Text className='jf-card__text'>{why}</Text>
        {login.error ? <Notice tone='error'>{login.error}</Notice> : null}
        <ActionButton loading={login.loading} onClick={() => void login.run()}>
          {login.loading ? '正在登录…' : '微信一键登录'}
        </ActionButton>
      </View>
    );
  }
  return (
    <View className='jf-card'>
      <Text className='jf-card__title'>请先同意隐私保护指引</Text>
      <Text className='jf-card__text'>{why}</Text>
      <Notice tone='warning' actionText='去阅读并同意' onAction={() => Taro.navigateTo({ url: ROUTES.privacy })}>
        {status === 'outdated' ? '隐私保护指引已更新，请重新阅读并同意。' : '报名要用到您的姓名，需要您先同意隐私保护指引。'}
      </Notice>
    </View>
  );
}
