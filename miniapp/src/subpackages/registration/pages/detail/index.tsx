import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useRef } from 'react';
import type { ResidentRegistration } from '@anqian/shared';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { Notice } from '@/components/notice';
import { SignInPrompt } from '@/components/sign-in-prompt';
import { RegistrationView } from '@/features/registration/components/registration-view';
import { getRegistration, withdrawRegistration } from '@/features/registration/registrations-api';
import { TownshipPhone } from '@/features/township-contact/components/township-phone';
import { useSession } from '@/lib/auth';
import { confirmDialog } from '@/lib/dialog';
import { ROUTES } from '@/lib/routes';
import { useAction } from '@/lib/use-action';
import { useRemote, type Remote } from '@/lib/use-remote';
import { LoadState } from '@/components/load-state';

/** Opened from 我的登记 and from WeChat status messages (`?id=`): this path must not change. */
export default function RegistrationDetailPage() {
  const { params } = useRouter();
  const { signedIn } = useSession();
  return (
    <PageShell className='rg-page'>
      {!signedIn ? <SignInPrompt /> : params.id ? <Detail id={params.id} /> : <Notice tone='error'>没有指定要查看的登记。</Notice>}
    </PageShell>
  );
}

function Detail({ id }: { id: string }) {
  const load = useCallback(() => getRegistration(id), [id]);
  const registration = useRemote(load);
  // Back from the correction form: the status has changed.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) registration.reload();
    shown.current = true;
  });
  return (
    <LoadState remote={registration} what='登记'>
      {(loaded) => (
        <RegistrationView
          registration={loaded}
          actions={<Actions registration={loaded} remote={registration} />}
          contact={<TownshipPhone villageCode={loaded.household.villageCode} />}
        />
      )}
    </LoadState>
  );
}

function Actions({ registration, remote }: { registration: ResidentRegistration; remote: Remote<ResidentRegistration> }) {
  const withdraw = useAction(async () => remote.setData(await withdrawRegistration(registration.id)));

  const confirmWithdraw = async () => {
    const confirmed = await confirmDialog({
      title: '撤回登记',
      content: '撤回后乡镇不再办理这条登记。以后还想搬迁，可以重新登记。确定撤回吗？',
      confirmText: '确定撤回',
    });
    if (confirmed) await withdraw.run();
  };

  if (!registration.canResubmit && !registration.canWithdraw) return null;
  return (
    <View className='rg-nav rg-nav--column'>
      {registration.canResubmit ? (
        <>
          <Notice tone='warning'>
            修改时需要重新填写户主和家庭成员的身份证号和手机号：为保护您的信息，这里只显示隐藏了中间几位的号码。
          </Notice>
          <ActionButton
            onClick={() => Taro.navigateTo({ url: `${ROUTES.registrationForm}?resubmit=${encodeURIComponent(registration.id)}` })}
          >
            修改后重新提交
          </ActionButton>
        </>
      ) : null}
      {registration.canWithdraw ? (
        <>
          {withdraw.error ? <Notice tone='error'>{withdraw.error}</Notice> : null}
          <ActionButton variant='danger' loading={withdraw.loading} onClick={() => void confirmWithdraw()}>
            {withdraw.loading ? '正在撤回…' : '撤回登记'}
          </ActionButton>
        </>
      ) : null}
    </View>
  );
}
