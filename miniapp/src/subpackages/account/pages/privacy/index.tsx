import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PRIVACY_NOTICE } from '@anqian/shared';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { Notice } from '@/components/notice';
import { giveConsent, withdrawConsent } from '@/features/privacy/consent';
import { consentStatus } from '@/features/privacy/consent-status';
import { ConsentForm } from '@/features/privacy/components/consent-form';
import { useSession } from '@/lib/auth';
import { confirmDialog } from '@/lib/dialog';
import { formatDate } from '@/lib/format-date';
import { ROUTES } from '@/lib/routes';
import { useAction } from '@/lib/use-action';
import './index.scss';

/** Opened from a shared link there is no page to go back to: fall back to 我的. */
function leave() {
  Taro.navigateBack().catch(() => Taro.switchTab({ url: ROUTES.mine }));
}

const TAB_PAGES: readonly string[] = [ROUTES.home, ROUTES.services, ROUTES.messages, ROUTES.mine];

/**
 * After agreeing, carry on with what the resident was doing: the page that sent them here (the
 * registration form waiting for consent, a notice), or `?next=` when the privacy page was opened
 * first. Staying here would leave them to find their way back.
 */
function continueTo(next: string | undefined) {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack();
    return;
  }
  const target = next && next.startsWith('/') ? next : ROUTES.home;
  const path = target.split('?')[0];
  void (TAB_PAGES.includes(path) ? Taro.switchTab({ url: path }) : Taro.redirectTo({ url: target }));
}

export default function PrivacyPage() {
  const { params } = useRouter();
  const next = params.next ? decodeURIComponent(params.next) : undefined;
  const { signedIn, resident } = useSession();
  const status = consentStatus(signedIn, resident);
  const withdraw = useAction(withdrawConsent);
  const addSensitive = useAction(giveConsent);

  const confirmWithdraw = async (scope: 'sensitive' | 'all') => {
    const confirmed = await confirmDialog({
      title: scope === 'all' ? '撤回全部同意' : '撤回敏感信息同意',
      content:
        scope === 'all'
          ? '撤回后，需要个人信息的功能将无法使用；撤回前已办理的业务不受影响。'
          : '撤回后，我们不再处理您和家人的身份证号，需要身份证号的业务将无法办理。',
      confirmText: '确认撤回',
    });
    if (confirmed) await withdraw.run(scope);
  };

  return (
    <PageShell className='privacy' firstOpenNotice={false}>
      <Text className='privacy__title'>{PRIVACY_NOTICE.title}</Text>
      <Text className='privacy__version'>版本：{PRIVACY_NOTICE.version}</Text>

      {PRIVACY_NOTICE.sections.map((section) => (
        <View key={section.heading} className='privacy__section'>
          <Text className='privacy__heading'>{section.heading}</Text>
          <Text className='privacy__body'>{section.body}</Text>
        </View>
      ))}
      <View className='privacy__section privacy__section--sensitive'>
        <Text className='privacy__heading'>{PRIVACY_NOTICE.sensitive.heading}</Text>
        <Text className='privacy__body'>{PRIVACY_NOTICE.sensitive.body}</Text>
      </View>

      <View className='privacy__actions'>
        {status === 'given' && resident?.consent ? (
          <>
            <Notice tone='success'>
              您已于{formatDate(resident.consent.acceptedAt)}同意本指引
              {resident.consent.sensitive ? '，并同意处理身份证号等敏感个人信息。' : '；尚未同意处理敏感个人信息。'}
            </Notice>
            {withdraw.error ? <Notice tone='error'>{withdraw.error}</Notice> : null}
            {addSensitive.error ? <Notice tone='error'>{addSensitive.error}</Notice> : null}
            {resident.consent.sensitive ? (
              <ActionButton variant='secondary' loading={withdraw.loading} onClick={() => void confirmWithdraw('sensitive')}>
                撤回敏感信息同意
              </ActionButton>
            ) : (
              <ActionButton
                loading={addSensitive.loading}
                onClick={async () => {
                  if (await addSensitive.run(true)) continueTo(next);
                }}
              >
                同意处理敏感个人信息
              </ActionButton>
            )}
            <ActionButton variant='danger' loading={withdraw.loading} onClick={() => void confirmWithdraw('all')}>
              撤回全部同意
            </ActionButton>
          </>
        ) : (
          <>
            <Notice tone='info'>
              {status === 'outdated'
                ? '隐私保护指引已更新，请阅读后重新同意。'
                : status === 'signed-out'
                  ? '点击「同意并继续」将用微信登录并记录您的同意。'
                  : '同意后才能使用绑定手机号、搬迁登记等需要个人信息的功能。'}
            </Notice>
            <ConsentForm onDone={() => continueTo(next)} onDecline={leave} />
          </>
        )}
      </View>
    </PageShell>
  );
}
