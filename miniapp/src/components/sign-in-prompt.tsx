import { Text, View } from '@tarojs/components';
import { ActionButton } from '@/components/action-button';
import { Notice } from '@/components/notice';
import { signIn } from '@/lib/auth';
import { useAction } from '@/lib/use-action';
import '@/styles/cards.scss';

export function SignInPrompt() {
  const login = useAction(signIn);
  return (
    <View className='rg-card'>
      <Text className='rg-card__title'>请先登录</Text>
      <Text className='rg-card__text'>登录后才能登记搬迁意愿、查看办理进度。</Text>
      {login.error ? <Notice tone='error'>{login.error}</Notice> : null}
      <ActionButton loading={login.loading} onClick={() => void login.run()}>
        {login.loading ? '正在登录…' : '微信一键登录'}
      </ActionButton>
    </View>
  );
}
