import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useRef } from 'react';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { EmptyState } from '@/components/empty-state';
import { SignInPrompt } from '@/components/sign-in-prompt';
import { RegistrationRow } from '@/features/registration/components/registration-row';
import { listMyRegistrations } from '@/features/registration/registrations-api';
import { useSession } from '@/lib/auth';
import { ROUTES } from '@/lib/routes';
import { useRemote } from '@/lib/use-remote';
import { LoadState } from '@/components/load-state';

export default function MyRegistrationsPage() {
  const { signedIn } = useSession();
  return <PageShell className='rg-page'>{signedIn ? <MyRegistrations /> : <SignInPrompt />}</PageShell>;
}

function MyRegistrations() {
  const load = useCallback(() => listMyRegistrations(), []);
  const registrations = useRemote(load);
  // Coming back from a detail page (withdrawn) or the form (resubmitted): show the new status.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) registrations.reload();
    shown.current = true;
  });

  return (
    <LoadState remote={registrations} what='您的登记'>
      {(items) =>
        items.length === 0 ? (
          <View>
            <EmptyState title='还没有登记' description='登记搬迁意愿后，办理进度会显示在这里。' />
            <ActionButton onClick={() => Taro.navigateTo({ url: ROUTES.registrationForm })}>去登记搬迁意愿</ActionButton>
          </View>
        ) : (
          <View>
            {items.map((registration) => (
              <RegistrationRow
                key={registration.id}
                registration={registration}
                onOpen={() =>
                  Taro.navigateTo({ url: `${ROUTES.registrationDetail}?id=${encodeURIComponent(registration.id)}` })
                }
              />
            ))}
          </View>
        )
      }
    </LoadState>
  );
}
