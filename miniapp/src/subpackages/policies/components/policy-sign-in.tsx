import { Text, View } from '@tarojs/components';
import { ActionButton } from '@/components/action-button';
import { Notice } from '@/components/notice';
import { signIn } from '@/lib/auth';
import { useAction } from '@/lib/use-action';
import '@/features/policies/components/policies.scss';

export function PolicySignIn() {
  const login = useAction(signIn);
  return (
    <View className='pl-card'>
      <Text className='pl-card__title'>请先登录</Text>
      <Text className='pl-row__meta'>登录后可以查看、搜索县里和乡镇发布的搬迁政策文件。</Text>
      {login.error ? <Notice tone='error'>{login.error}</Notice> : null}
      <ActionButton loading={login.loading} onClick={() => void login.run()}>
        {login.loading ? '正在登录…' : '微信一键登录'}
      </ActionButton>
    </View>
  );
}
