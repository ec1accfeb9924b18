import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Notice } from '@/components/notice';
import { SignInPrompt } from '@/components/sign-in-prompt';
import { consentStatus } from '@/features/privacy/consent-status';
import { useSession } from '@/lib/auth';
import { ROUTES } from '@/lib/routes';
import '@/styles/cards.scss';

/**
 * The household file holds ID numbers, which need their own consent (PIPL Art. 29): explain why
 * before the form, and send the resident to the privacy page to give it.
 */
export function ConsentGate({ children }: { children: ReactNode }) {
  const { signedIn, resident } = useSession();
  const status = consentStatus(signedIn, resident);

  if (!signedIn) return <SignInPrompt />;
  if (status === 'given' && resident?.consent?.sensitive) return <>{children}</>;

  return (
    <View className='rg-card'>
      <Text className='rg-card__title'>需要您同意处理身份证号</Text>
      <Text className='rg-card__text'>
        搬迁登记要填写户主和家庭成员的身份证号，用来核实户籍、核对隐患点名单和发放搬迁补助。
      </Text>
      <Text className='rg-card__text'>
        身份证号属于敏感个人信息，法律要求单独征得您的同意。我们只在办理搬迁时使用，工作人员看到的号码默认隐藏中间几位，您可以随时撤回同意。
      </Text>
      <Notice
        tone='warning'
        actionText='去阅读并同意'
        onAction={() => Taro.navigateTo({ url: ROUTES.privacy })}
      >
        {status === 'given'
          ? '您已同意隐私保护指引，但还没有同意处理敏感个人信息。'
          : status === 'outdated'
            ? '隐私保护指引已更新，请重新阅读并同意，并勾选同意处理敏感个人信息。'
            : '请先阅读隐私保护指引，勾选「同意处理身份证号等敏感个人信息」后同意。'}
      </Notice>
    </View>
  );
}
