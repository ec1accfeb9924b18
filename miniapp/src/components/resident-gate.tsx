import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { ActionButton } from '@/components/action-button';
import { Notice } from '@/components/notice';
import { consentStatus } from '@/features/privacy/consent-status';
import { signIn, useSession } from '@/lib/auth';
import { ROUTES } from '@/lib/routes';
import { useAction } from '@/lib/use-action';
import '@/styles/cards.scss';

type Props = {
  /** What signing in is for on this page. */
  why: string;
  /** Which personal information the page handles, so the resident knows why consent is asked. */
  consentWhy: string;
  children: ReactNode;
};

/**
 * Pages with a resident's own records need a signed-in resident who agreed to the current privacy
 * notice (the server refuses otherwise).
 */
export function ResidentGate({ why, consentWhy, children }: Props) {
  const { signedIn, resident } = useSession();
  const login = useAction(signIn);
  const status = consentStatus(signedIn, resident);
  if (status === 'given') return <>{children}</>;
  if (!signedIn) {
    return (
      <View className='rg-card'>
        <Text className='rg-card__title'>请先登录</Text>
        <Text className='rg-card__text'>{why}</Text>
        {login.error ? <Notice tone='error'>{login.error}</Notice> : null}
        <ActionButton loading={login.loading} onClick={() => void login.run()}>
          {login.loading ? '正在登录…' : '微信一键登录'}
        </ActionButton>
      </View>
    );
  }
  return (
    <View className='rg-card'>
      <Text className='rg-card__title'>请先同意隐私保护指引</Text>
      <Text className='rg-card__text'>{why}</Text>
      <Notice tone='warning' actionText='去阅读并同意' onAction={() => Taro.navigateTo({ url: ROUTES.privacy })}>
        {status === 'outdated' ? '隐私保护指引已更新，请重新阅读并同意。' : consentWhy}
      </Notice>
    </View>
  );
}
