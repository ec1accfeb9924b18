import Taro from '@tarojs/taro';
import { useCallback, useEffect } from 'react';
import type { ResidentRequest } from '@anqian/shared';
import { PageShell } from '@/app/page-shell';
import { ResidentGate } from '@/components/resident-gate';
import { RequestForm } from '@/features/requests/components/request-form';
import { REQUESTS_CONSENT_WHY } from '@/features/requests/request-display';
import { useRequestForm } from '@/features/requests/use-request-form';
import { ROUTES } from '@/lib/routes';
import { prefetchSubscribeTemplates } from '@/lib/subscribe';

export default function NewRequestPage() {
  return (
    <PageShell>
      <ResidentGate why='登录后可以向乡镇咨询、求助、反映问题，乡镇的答复会显示在「我的诉求」里。' consentWhy={REQUESTS_CONSENT_WHY}>
        <NewRequest />
      </ResidentGate>
    </PageShell>
  );
}

function NewRequest() {
  useEffect(() => void prefetchSubscribeTemplates(), []);
  // The detail page replaces this form, so 返回 leads to the list rather than to a sent form.
  const opened = useCallback((request: ResidentRequest) => {
    void Taro.redirectTo({ url: `${ROUTES.requestDetail}?id=${encodeURIComponent(request.id)}&sent=1` });
  }, []);
  const form = useRequestForm(opened);
  return <RequestForm form={form} />;
}
