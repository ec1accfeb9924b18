import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ResidentRequestSummary } from '@anqian/shared';
import { formatChinaTime } from '@/lib/format-date';
import { ROUTES } from '@/lib/routes';
import { StagePill } from './stage-pill';
import './requests.scss';

export function RequestRow({ request }: { request: ResidentRequestSummary }) {
  return (
    <View className='rq-row' onClick={() => void Taro.navigateTo({ url: `${ROUTES.requestDetail}?id=${encodeURIComponent(request.id)}` })}>
      <View className='rq-row__top'>
        <Text className='rq-row__category'>{request.categoryLabel}</Text>
        <StagePill request={request} />
      </View>
      <Text className='rq-row__excerpt'>{request.excerpt}</Text>
      <Text className='rq-row__meta'>
        {`提交于 ${formatChinaTime(request.submittedAt)}${request.replyCount > 0 ? ` · 有 ${request.replyCount} 条答复` : ''}`}
      </Text>
      <Text className='rq-row__more'>查看详情 ›</Text>
    </View>
  );
}
