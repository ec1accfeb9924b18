import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { TextField } from '@/components/form-fields';
import { Notice } from '@/components/notice';
import { SignInPrompt } from '@/components/sign-in-prompt';
import { linkCadre } from '@/features/registration/cadre';
import { useSession } from '@/lib/auth';
import { ROUTES } from '@/lib/routes';
import { useAction } from '@/lib/use-action';
import '@/styles/cards.scss';

/** A village cadre links the staff account the county gave them to this WeChat. */
export default function CadreLoginPage() {
  const { signedIn, resident } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const link = useAction(linkCadre);

  const handleLink = async () => {
    if (!username.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    if (await link.run(username.trim(), password)) {
      setPassword('');
      Taro.navigateBack().catch(() => Taro.switchTab({ url: ROUTES.mine }));
    }
  };

  let content;
  if (!signedIn) content = <SignInPrompt />;
  else if (resident?.cadre) {
    content = (
      <Notice tone='success' actionText='代村民登记' onAction={() => Taro.redirectTo({ url: `${ROUTES.registrationForm}?mode=cadre` })}>
        {`已绑定村干部账号：${resident.cadre.displayName}，${resident.cadre.villageName}。`}
      </Notice>
    );
  } else {
    content = (
      <View className='rg-card'>
        <Text className='rg-card__text'>
          请输入县里为您开通的村干部账号和密码。绑定后可以在本微信上帮本村农户登记搬迁意愿。
        </Text>
        <TextField
          label='村干部账号'
          required
          placeholder='请输入账号'
          value={username}
          maxlength={32}
          onChange={setUsername}
          error={missing && !username.trim() ? '请输入账号' : undefined}
        />
        <TextField
          label='密码'
          required
          placeholder='请输入密码'
          password
          value={password}
          maxlength={64}
          onChange={setPassword}
          error={missing && !password ? '请输入密码' : undefined}
        />
        {link.error ? <Notice tone='error'>{link.error}</Notice> : null}
        <ActionButton loading={link.loading} onClick={() => void handleLink()}>
          {link.loading ? '正在登录…' : '登录并绑定'}
        </ActionButton>
      </View>
    );
  }
  return <PageShell className='rg-page'>{content}</PageShell>;
}
