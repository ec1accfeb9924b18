import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { Notice } from '@/components/notice';
import { HazardAlertBanner } from '@/features/announcements/components/hazard-alert-banner';
import { ConsentBanner } from '@/features/privacy/components/consent-banner';
import { signIn, useSession } from '@/lib/auth';
import { ROUTES } from '@/lib/routes';
import { useAction } from '@/lib/use-action';
import './index.scss';

type Shortcut = { key: string; name: string; mark: string; tone: string; url: string; tab?: boolean };

/**
 * Only services that work today: a tile that answers "coming soon" turns residents away. The single
 * character is the tile's icon.
 */
const SHORTCUTS: Shortcut[] = [
  { key: 'registration', name: '搬迁登记', mark: '登', tone: 'blue', url: ROUTES.registrationForm },
  { key: 'progress', name: '办理进度', mark: '查', tone: 'teal', url: ROUTES.registrationList },
  { key: 'announcements', name: '通知公告', mark: '通', tone: 'red', url: ROUTES.announcements },
  { key: 'notices', name: '公示公告', mark: '示', tone: 'purple', url: ROUTES.notices },
  { key: 'policies', name: '政策查询', mark: '策', tone: 'green', url: ROUTES.policies },
  { key: 'subsidy', name: '补助测算', mark: '算', tone: 'orange', url: ROUTES.subsidyCalculator },
  { key: 'jobs', name: '找工作', mark: '工', tone: 'green', url: ROUTES.jobs },
  { key: 'job-fairs', name: '招聘会', mark: '聘', tone: 'blue', url: ROUTES.jobFairs },
  { key: 'training', name: '技能培训', mark: '培', tone: 'teal', url: ROUTES.training },
  { key: 'requests', name: '咨询求助', mark: '问', tone: 'orange', url: ROUTES.requests },
  { key: 'messages', name: '我的消息', mark: '信', tone: 'purple', url: ROUTES.messages, tab: true },
];

function open(shortcut: Shortcut) {
  void (shortcut.tab ? Taro.switchTab({ url: shortcut.url }) : Taro.navigateTo({ url: shortcut.url }));
}

export default function HomePage() {
  const { signedIn, resident } = useSession();
  const login = useAction(signIn);

  return (
    <PageShell className='home'>
      <HazardAlertBanner />
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
      <View className='home__grid'>
        {SHORTCUTS.map((shortcut) => (
          <Button
            key={shortcut.key}
            className={`home__tile home__tile--${shortcut.tone}`}
            data-key={shortcut.key}
            onClick={() => open(shortcut)}
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
