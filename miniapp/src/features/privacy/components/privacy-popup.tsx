import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PRIVACY_NOTICE } from '@anqian/shared';
import { ActionButton } from '@/components/action-button';
import { ROUTES } from '@/lib/routes';
import { answerPlatformPrivacy, usePlatformPrivacyPending } from '../platform-privacy';
import { ConsentForm } from './consent-form';

/** Shown on whichever page is open when WeChat asks for privacy authorization. */
export function PrivacyPopup() {
  const pending = usePlatformPrivacyPending();
  if (!pending) return null;
  return (
    <View className='privacy-popup'>
      <View className='privacy-popup__card'>
        <Text className='privacy-popup__title'>{PRIVACY_NOTICE.title}</Text>
        <Text className='privacy-popup__text'>
          这项功能需要用到您的个人信息。请先阅读并同意隐私保护指引，我们只收集办理业务所必需的信息。
        </Text>
        <ActionButton variant='secondary' onClick={() => Taro.navigateTo({ url: ROUTES.privacy })}>
          查看完整指引
        </ActionButton>
        <ConsentForm onDecline={() => answerPlatformPrivacy(false)} />
      </View>
    </View>
  );
}
