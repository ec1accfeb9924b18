import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import type { ResidentRequest } from '@anqian/shared';
import { ActionButton } from '@/components/action-button';
import { Notice } from '@/components/notice';
import { confirmDialog } from '@/lib/dialog';
import { shortDivisionName } from '@/lib/division-names';
import { formatChinaTime } from '@/lib/format-date';
import { useAction } from '@/lib/use-action';
import { replyPromise } from '../request-display';
import { withdrawRequest } from '../requests-api';
import { RateCard, RatingShown } from './rate-card';
import { ReopenCard } from './reopen-card';
import { History, Replies, StageSteps } from './request-progress';
import { RequestPhotos } from './request-photos';
import { StagePill } from './stage-pill';
import './requests.scss';

type Props = { request: ResidentRequest; onChange: (request: ResidentRequest) => void; justSent?: boolean };

/** One request as the resident sees it: what was sent, where it stands, the answers, and what they may do now. */
export function RequestView({ request, onChange, justSent }: Props) {
  const withdraw = useAction(
    useCallback(async () => {
      const confirmed = await confirmDialog({
        title: '撤回诉求',
        content: '撤回后乡镇不再办理这件诉求。以后还有需要，可以重新提交。',
        confirmText: '撤回',
      });
      if (confirmed) onChange(await withdrawRequest(request.id));
    }, [onChange, request.id]),
  );
  const promise = replyPromise(request);
  const reopened = request.history.some((entry) => entry.kind === 'reopened');
  const { place } = request;

  return (
    <View>
      {justSent ? <Notice tone='success'>提交成功，乡镇已经收到您的诉求。</Notice> : null}
      {promise ? <Notice tone='info'>{promise}</Notice> : null}
      {request.stage === 'withdrawn' ? <Notice tone='info'>您已撤回这件诉求。</Notice> : null}

      <View className='rg-card'>
        <View className='rq-row__top'>
          <Text className='rq-row__category'>{request.categoryLabel}</Text>
          <StagePill request={request} />
        </View>
        <Text className='rq-text'>{request.text}</Text>
        <Text className='rq-row__meta'>{`地点：${place.townshipName} ${shortDivisionName(place.villageName)}`}</Text>
        {place.site ? <Text className='rq-row__meta'>{`安置点：${place.site.name}`}</Text> : null}
        {place.registration ? <Text className='rq-row__meta'>{`关于：${place.registration.label}`}</Text> : null}
        <Text className='rq-row__meta'>{`提交于 ${formatChinaTime(request.submittedAt)}`}</Text>
      </View>

      <RequestPhotos photos={request.photos} />

      <View className='rg-card'>
        <Text className='rg-card__title'>办理进度</Text>
        <StageSteps steps={request.steps} />
      </View>

      {request.replies.length > 0 ? (
        <View className='rg-card'>
          <Text className='rg-card__title'>乡镇的答复</Text>
          <Replies replies={request.replies} />
        </View>
      ) : null}

      {request.rating ? <RatingShown rating={request.rating} /> : null}
      {request.canRate ? <RateCard request={request} onChange={onChange} /> : null}
      {request.canReopen ? <ReopenCard request={request} onChange={onChange} /> : null}

      {reopened ? (
        <View className='rg-card'>
          <Text className='rg-card__title'>全部办理记录</Text>
          <History history={request.history} />
        </View>
      ) : null}

      {request.canWithdraw ? (
        <View>
          {withdraw.error ? <Notice tone='error'>{withdraw.error}</Notice> : null}
          <ActionButton variant='danger' loading={withdraw.loading} onClick={() => void withdraw.run()}>
            {withdraw.loading ? '正在撤回…' : '撤回诉求'}
          </ActionButton>
          <Text className='rq-footnote'>乡镇答复之前可以撤回。</Text>
        </View>
      ) : null}
    </View>
  );
}
