import Taro from '@tarojs/taro';
import { Notice } from '@/components/notice';
import { useSession } from '@/lib/auth';
import { ROUTES } from '@/lib/routes';
import { consentStatus } from '../consent-status';

/** Explains why personal-data features are off until the resident agrees to the notice. */
export function ConsentBanner() {
  const { signedIn, resident } = useSession();
  const status = consentStatus(signedIn, resident);
  if (status !== 'missing' && status !== 'outdated') return null;
  return (
    <Notice tone='warning' actionText='阅读并同意' onAction={() => Taro.navigateTo({ url: ROUTES.privacy })}>
      {status === 'outdated'
        ? '隐私保护指引已更新，请重新阅读并同意后再使用需要个人信息的功能。'
        : '绑定手机号、搬迁登记等功能需要用到您的个人信息，请先阅读并同意隐私保护指引。'}
    </Notice>
  );
}
