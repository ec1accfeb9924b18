import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { Notice } from '@/components/notice';
import { ToggleRow } from '@/components/toggle-row';
import { setLargeText, useDisplayMode } from '@/features/display/display-mode';
import { BindPhoneButton } from '@/features/phone/components/bind-phone-button';
import { unlinkCadre } from '@/features/registration/cadre';
import { consentStatus, type ConsentStatus } from '@/features/privacy/consent-status';
import { TownshipPhone } from '@/features/township-contact/components/township-phone';
import { signIn, signOut, useSession } from '@/lib/auth';
import { confirmDialog } from '@/lib/dialog';
import { shortDivisionName } from '@/lib/division-names';
import { ROUTES } from '@/lib/routes';
import { useAction } from '@/lib/use-action';
import './index.scss';

const CONSENT_LABEL: Record<ConsentStatus, string> = {
  'signed-out': '登录后设置',
  missing: '未同意',
  outdated: '指引已更新，待重新同意',
  given: '已同意',
};

export default function MinePage() {
  const { signedIn, resident } = useSession();
  const display = useDisplayMode();
  const login = useAction(signIn);
  const logout = useAction(signOut);
  const unlink = useAction(unlinkCadre);
  const consent = consentStatus(signedIn, resident);

  const confirmSignOut = async () => {
    const confirmed = await confirmDialog({
      title: '退出登录',
      content: '退出后需要重新登录才能查看办理进度。',
      confirmText: '退出',
    });
    if (confirmed) await logout.run();
  };

  const confirmUnlink = async () => {
    const confirmed = await confirmDialog({
      title: '解除村干部绑定',
      content: '解除后，本微信不能再代村民登记；已代填的登记不受影响。',
      confirmText: '解除绑定',
    });
    if (confirmed) await unlink.run();
  };

  return (
    <PageShell className='mine'>
      <View className='mine__profile'>
        <Text className='mine__name'>{signedIn ? '已登录' : '未登录'}</Text>
        <Text className='mine__sub'>
          {signedIn ? `手机号：${resident?.phoneMasked ?? '未绑定'}` : '登录后可以绑定手机号、查看办理进度'}
        </Text>
      </View>

      {signedIn ? null : (
        <View className='mine__section'>
          {login.error ? <Notice tone='error'>{login.error}</Notice> : null}
          <ActionButton loading={login.loading} onClick={() => void login.run()}>
            {login.loading ? '正在登录…' : '微信一键登录'}
          </ActionButton>
        </View>
      )}

      {signedIn && !resident?.phoneMasked ? (
        <View className='mine__section'>
          <Text className='mine__section-title'>手机号</Text>
          {consent === 'given' ? (
            <>
              <Text className='mine__hint'>绑定后，工作人员可以电话联系您核实情况。</Text>
              <BindPhoneButton label='绑定手机号' />
            </>
          ) : (
            <Notice
              tone='warning'
              actionText='阅读并同意'
              onAction={() => Taro.navigateTo({ url: ROUTES.privacy })}
            >
              绑定手机号需要用到您的个人信息，请先阅读并同意隐私保护指引。
            </Notice>
          )}
        </View>
      ) : null}

      {signedIn && resident?.cadre ? (
        <View className='mine__section'>
          <Text className='mine__section-title'>村干部</Text>
          <Text className='mine__hint'>{resident.cadre.displayName}</Text>
          <Text className='mine__hint'>{`可以代 ${shortDivisionName(resident.cadre.villageName)} 的农户登记`}</Text>
          <ActionButton onClick={() => Taro.navigateTo({ url: `${ROUTES.registrationForm}?mode=cadre` })}>
            代村民登记
          </ActionButton>
          <ActionButton variant='secondary' onClick={() => Taro.navigateTo({ url: ROUTES.cadreRegistrations })}>
            我代填的登记
          </ActionButton>
          {unlink.error ? <Notice tone='error'>{unlink.error}</Notice> : null}
          <ActionButton variant='danger' loading={unlink.loading} onClick={() => void confirmUnlink()}>
            解除绑定
          </ActionButton>
        </View>
      ) : null}

      {signedIn ? <TownshipPhone /> : null}

      <View className='mine__list'>
        {signedIn ? (
          <>
            <View className='mine__row' onClick={() => Taro.navigateTo({ url: ROUTES.jobApplications })}>
              <Text className='mine__row-label'>我的求职</Text>
              <Text className='mine__row-value'>投递进度</Text>
              <Text className='mine__row-arrow'>›</Text>
            </View>
            <View className='mine__row' onClick={() => Taro.navigateTo({ url: ROUTES.myJobFairs })}>
              <Text className='mine__row-label'>我的招聘会</Text>
              <Text className='mine__row-value'>报名和电子票</Text>
              <Text className='mine__row-arrow'>›</Text>
            </View>
            <View className='mine__row' onClick={() => Taro.navigateTo({ url: ROUTES.myTraining })}>
              <Text className='mine__row-label'>我的培训</Text>
              <Text className='mine__row-value'>报名、考勤和证书</Text>
              <Text className='mine__row-arrow'>›</Text>
            </View>
            <View className='mine__row' onClick={() => Taro.navigateTo({ url: ROUTES.requests })}>
              <Text className='mine__row-label'>我的诉求</Text>
              <Text className='mine__row-value'>咨询求助和答复</Text>
              <Text className='mine__row-arrow'>›</Text>
            </View>
          </>
        ) : null}
        <View className='mine__row' onClick={() => Taro.navigateTo({ url: ROUTES.privacy })}>
          <Text className='mine__row-label'>隐私与授权</Text>
          <Text className='mine__row-value'>{CONSENT_LABEL[consent]}</Text>
          <Text className='mine__row-arrow'>›</Text>
        </View>
        <ToggleRow
          label='大字模式'
          hint={
            display.followsSystem && display.largeText ? '已按微信字体大小自动开启' : '放大文字和按钮，看得更清楚'
          }
          on={display.largeText}
          onToggle={() => setLargeText(!display.largeText)}
        />
        {signedIn && !resident?.cadre ? (
          <View className='mine__row mine__row--spaced' onClick={() => Taro.navigateTo({ url: ROUTES.cadreLogin })}>
            <Text className='mine__row-label'>村干部登录</Text>
            <Text className='mine__row-value'>帮村民登记</Text>
            <Text className='mine__row-arrow'>›</Text>
          </View>
        ) : null}
      </View>

      {signedIn ? (
        <View className='mine__section'>
          {logout.error ? <Notice tone='error'>{logout.error}</Notice> : null}
          <ActionButton variant='danger' loading={logout.loading} onClick={() => void confirmSignOut()}>
            退出登录
          </ActionButton>
        </View>
      ) : null}
    </PageShell>
  );
}
