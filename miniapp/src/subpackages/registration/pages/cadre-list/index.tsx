import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useRef, useState } from 'react';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { EmptyState } from '@/components/empty-state';
import { Notice } from '@/components/notice';
import { SignInPrompt } from '@/components/sign-in-prompt';
import { RegistrationRow } from '@/features/registration/components/registration-row';
import { RegistrationView } from '@/features/registration/components/registration-view';
import { listCadreRegistrations } from '@/features/registration/registrations-api';
import { useSession } from '@/lib/auth';
import { ROUTES } from '@/lib/routes';
import { useRemote } from '@/lib/use-remote';
import { LoadState } from '@/components/load-state';

export default function CadreRegistrationsPage() {
  const { signedIn, resident } = useSession();
  let content;
  if (!signedIn) content = <SignInPrompt />;
  else if (!resident?.cadre) {
    content = (
      <Notice tone='warning' actionText='去村干部登录' onAction={() => Taro.redirectTo({ url: ROUTES.cadreLogin })}>
        查看代填的登记需要先用村干部账号登录并绑定本微信。
      </Notice>
    );
  } else content = <CadreRegistrations />;
  return <PageShell className='rg-page'>{content}</PageShell>;
}

/**
 * The households this cadre entered. There is no separate detail route for them, so a tapped row
 * opens in place with everything the list already returned.
 */
function CadreRegistrations() {
  const load = useCallback(() => listCadreRegistrations(), []);
  const registrations = useRemote(load);
  const [openId, setOpenId] = useState<string | null>(null);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) registrations.reload();
    shown.current = true;
  });

  return (
    <LoadState remote={registrations} what='代填的登记'>
      {(items) => {
        const open = items.find((item) => item.id === openId);
        if (open) {
          return (
            <View>
              <RegistrationView registration={open} actions={open.canResubmit ? <ResubmitAction id={open.id} /> : null} />
              <View className='rg-nav rg-nav--column'>
                <ActionButton variant='secondary' onClick={() => setOpenId(null)}>
                  返回列表
                </ActionButton>
              </View>
            </View>
          );
        }
        return (
          <View>
            <ActionButton onClick={() => Taro.navigateTo({ url: `${ROUTES.registrationForm}?mode=cadre` })}>
              代村民登记
            </ActionButton>
            {items.length === 0 ? (
              <EmptyState title='还没有代填的登记' description='帮村民登记后，会显示在这里，可以随时查看办理进度。' />
            ) : (
              items.map((registration) => (
                <RegistrationRow key={registration.id} registration={registration} onOpen={() => setOpenId(registration.id)} />
              ))
            )}
          </View>
        );
      }}
    </LoadState>
  );
}

/** The household has no resident account of its own, so a returned registration is the cadre's to correct. */
function ResubmitAction({ id }: { id: string }) {
  return (
    <View className='rg-nav rg-nav--column'>
      <Notice tone='warning'>修改时需要重新填写户主和家庭成员的身份证号和手机号：这里只显示隐藏了中间几位的号码。</Notice>
      <ActionButton onClick={() => Taro.navigateTo({ url: `${ROUTES.registrationForm}?resubmit=${encodeURIComponent(id)}&mode=cadre` })}>
        修改后重新提交
      </ActionButton>
    </View>
  );
}
