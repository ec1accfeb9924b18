import { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import { PageShell } from '@/app/page-shell';
import { LoadState } from '@/components/load-state';
import { Notice } from '@/components/notice';
import { ResidentGate } from '@/components/resident-gate';
import { RequestView } from '@/features/requests/components/request-view';
import { REQUESTS_CONSENT_WHY } from '@/features/requests/request-display';
import { getMyRequest } from '@/features/requests/requests-api';
import { useBackOnPage } from '@/lib/use-back-on-page';
import { useRemote } from '@/lib/use-remote';

/** The page request_reply subscribe messages open (`?id=`): keep its path. */
export default function RequestDetailPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <ResidentGate why='登录后可以看到这件诉求的办理进度和乡镇的答复。' consentWhy={REQUESTS_CONSENT_WHY}>
        {params.id ? <RequestDetail id={params.id} justSent={params.sent === '1'} /> : <Notice tone='error'>没有指定要查看的诉求。</Notice>}
      </ResidentGate>
    </PageShell>
  );
}

function RequestDetail({ id, justSent }: { id: string; justSent: boolean }) {
  const load = useCallback(() => getMyRequest(id), [id]);
  const request = useRemote(load);
  // A reply may have come while the resident was away (a subscribe message, another page).
  useBackOnPage(request.reload);
  return <LoadState remote={request} what='这件诉求'>{(shown) => <RequestView request={shown} onChange={request.setData} justSent={justSent} />}</LoadState>;
}
