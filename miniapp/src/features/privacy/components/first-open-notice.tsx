import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PRIVACY_NOTICE } from '@anqian/shared';
import { ActionButton } from '@/components/action-button';
import { ROUTES } from '@/lib/routes';
import { dismissFirstOpenNotice, useFirstOpenNoticeShown } from '../first-open';
import { ConsentForm } from './consent-form';

/** The privacy notice over the first page a new resident opens; see first-open.ts. */
export function FirstOpenNotice() {
  const shown = useFirstOpenNoticeShown();
  if (!shown) return null;
  return (
    <View className='privacy-popup privacy-popup--first'>
      <View className='privacy-popup__card'>
        <Text className='privacy-popup__title'>{PRIVACY_NOTICE.title}</Text>
        <Text className='privacy-popup__text'>
          欢迎使用安迁通。我们只收集办理搬迁所必需的信息，加密保存在境内，您可以随时查看、更正或撤回同意。
        </Text>
        {/* What is collected comes first; the rest is one tap away, so the buttons stay in reach. */}
        <View className='privacy-popup__section'>
          <Text className='privacy-popup__heading'>{PRIVACY_NOTICE.sections[0].heading}</Text>
          <Text className='privacy-popup__text'>{PRIVACY_NOTICE.sections[0].body}</Text>
        </View>
        <ActionButton variant='secondary' onClick={() => Taro.navigateTo({ url: ROUTES.privacy })}>
          查看完整指引
        </ActionButton>
        <ConsentForm onDecline={dismissFirstOpenNotice} declineText='暂不同意，先随便看看' />
      </View>
    </View>
  );
}
