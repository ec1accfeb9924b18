import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { Notice } from '@/components/notice';
import { ConsentBanner } from '@/features/privacy/components/consent-banner';
import { signIn, useSession } from '@/lib/auth';
import { ROUTES } from '@/lib/routes';
import { useAction } from '@/lib/use-action';
import './index.scss';

type Shortcut = { key: string; name: string; mark: string; tone: string; url?: string };

/** Services; a tile without a page says it is coming soon. The single character is the tile's icon. */
const SHORTCUTS: Shortcut[] = [
  { key: 'registration', name: '搬迁登记', mark: '登', tone: 'blue' },
  { key: 'policies', name: '政策查询', mark: '策', tone: 'green', url: ROUTES.policies },
  { key: 'subsidy', name: '补助测算', mark: '算', tone: 'orange', url: ROUTES.subsidyCalculator },
  { key: 'jobs', name: '就业岗位', mark: '岗', tone: 'purple' },
  { key: 'training', name: '培训报名', mark: '培', tone: 'teal' },
  { key: 'requests', name: '我要咨询', mark: '询', tone: 'red' },
];

export default function HomePage() {
  const { signedIn, resident } = useSession();
  const login = useAction(signIn);
  const [opened, setOpened] = useState<Shortcut | null>(null);

  return (
    <PageShell className='home'>
      <View className='home__hero'>
        <Text className='home__greeting'>{resident?.phoneMasked ? `您好，${resident.phoneMasked}` : '您好！'}</Text>
        <Text className='home__tagline'>欢迎使用安迁通，避险搬迁一站办理</Text>
      </View>

      {signedIn ? (
        <ConsentBanner />
      ) : (
        <View className='home__card home__signin'>
          <Text className='home__card-title'>登录后办理更方便</Text>
          <Text className='home__card-text'>登录后可以登记搬迁意愿、查看办理进度、接收通知。</Text>
          {login.error ? <Notice tone='error'>{login.error}</Notice> : null}
          <ActionButton className='home__signin-button' loading={login.loading} onClick={() => void login.run()}>
            {login.loading ? '正在登录…' : '微信一键登录'}
          </ActionButton>
        </View>
      )}

      <Text className='home__section-title'>常用服务</Text>
      {opened ? (
        <View className='home__coming-soon'>
          <Notice tone='info' actionText='知道了' onAction={() => setOpened(null)}>
            「{opened.name}」功能即将开放，敬请期待。
          </Notice>
        </View>
      ) : null}
      <View className='home__grid'>
        {SHORTCUTS.map((shortcut) => (
          <Button
            key={shortcut.key}
            className={`home__tile home__tile--${shortcut.tone}`}
            data-key={shortcut.key}
            onClick={() => (shortcut.url ? void Taro.navigateTo({ url: shortcut.url }) : setOpened(shortcut))}
          >
            <View className='home__tile-mark'>
              <Text>{shortcut.mark}</Text>
            </View>
            <Text className='home__tile-name'>{shortcut.name}</Text>
          </Button>
        ))}
      </View>
    </PageShell>
  );
}
