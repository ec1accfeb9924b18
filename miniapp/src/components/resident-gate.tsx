import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { ActionButton } from '@/components/action-button';
import { Notice } from '@/components/notice';
import { consentStatus } from '@/features/privacy/consent-status';
import { signIn, useSession } from '@/lib/auth';
import { ROUTES } from '@/lib/routes';
import { useAction } from '@/lib/use-action';
import './jobs.scss';

/**
 * Resumes and applications are personal information: the resident signs in and has agreed to the
 * current privacy notice (the server refuses otherwise). `why` says what signing in is for here.
 */
export function ResidentGate({ why, children }: { why: string; children: ReactNode }) {
  const { signedIn, resident } = useSession();
  const login = useAction(signIn);
  const status = consentStatus(signedIn, resident);
  if (status === 'given') return <>{children}</>;
  if (!signedIn) {
    return (
      <View className='jb-card'>
        <Text className='jb-card__title'>请先登录</Text>
        <Text className='jb-card__text'>{why}</Text>
        {login.error ? <Notice tone='error'>{login.error}</Notice> : null}
        <ActionButton loading={login.loading} onClick={() => void login.run()}>
          {login.loading ? '正在登录…' : '微信一键登录'}
        </ActionButton>
      </View>
    );
  }
  return (
    <View className='jb-card'>
      <Text className='jb-card__title'>请先同意隐私保护指引</Text>
      <Text className='jb-card__text'>{why}</Text>
      <Notice tone='warning' actionText='去阅读并同意' onAction={() => Taro.navigateTo({ url: ROUTES.privacy })}>
        {status === 'outdated' ? '隐私保护指引已更新，请重新阅读并同意。' : '求职信息里有您的姓名和手机号，需要您先同意隐私保护指引。'}
      </Notice>
    </View>
  );
}
