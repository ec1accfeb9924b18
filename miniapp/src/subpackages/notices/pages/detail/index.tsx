import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import { RESETTLEMENT_TYPE_LABELS, type PublicNotice } from '@anqian/shared';
import { PageShell } from '@/app/page-shell';
import { EmptyState } from '@/components/empty-state';
import { Notice } from '@/components/notice';
import { getPublicNotice, NOTICE_PHASE_LABELS } from '@/features/public-notices/public-notices-api';
import { TownshipPhoneList } from '@/features/township-contact/components/township-phone';
import { shortDivisionName } from '@/lib/division-names';
import { formatDate } from '@/lib/format-date';
import { useRemote } from '@/lib/use-remote';
import '@/styles/cards.scss';
import './index.scss';

export default function PublicNoticeDetailPage() {
  const { params } = useRouter();
  return (
    <PageShell className='rg-page'>
      {params.id ? <Detail id={params.id} /> : <Notice tone='error'>没有指定要查看的公示。</Notice>}
    </PageShell>
  );
}

function Detail({ id }: { id: string }) {
  const load = useCallback(() => getPublicNotice(id), [id]);
  const notice = useRemote(load);
  if (notice.data) return <NoticeBody notice={notice.data} />;
  if (notice.loading) return <EmptyState title='正在加载…' description='正在读取公示名单，请稍候。' />;
  return (
    <Notice tone='error' actionText='重试' onAction={notice.reload}>
      {`公示没有加载出来：${notice.error ?? '请稍后再试'}`}
    </Notice>
  );
}

const PHASE_HINT: Record<PublicNotice['phase'], string> = {
  upcoming: '公示期还没到。',
  open: '对名单有异议的，请在公示期内向乡镇人民政府反映。',
  ended: '',
};

function NoticeBody({ notice }: { notice: PublicNotice }) {
  return (
    <View>
      <View className='rg-card'>
        <Text className='rg-card__title'>{notice.title}</Text>
        <Text className='rg-card__text'>{`公示期：${formatDate(notice.startDate)} 至 ${formatDate(notice.endDate)}`}</Text>
        <Text className='rg-card__text'>{`${NOTICE_PHASE_LABELS[notice.phase]}。${PHASE_HINT[notice.phase]}`}</Text>
        <Text className='rg-card__text'>{`发布单位：${notice.publishedBy}，${formatDate(notice.publishedAt)}发布`}</Text>
        {notice.intro ? <Text className='rg-card__text'>{notice.intro}</Text> : null}
      </View>
      <TownshipPhoneList contacts={notice.contacts} title={notice.phase === 'ended' ? '有事问乡镇' : '对名单有异议，可以打电话'} />
      <View className='rg-card'>
        <Text className='rg-card__title'>{`公示名单（共 ${notice.householdCount} 户）`}</Text>
        {notice.entries.map((entry, index) => (
          <View key={entry.registrationId} className='rg-entry'>
            <Text className='rg-entry__name'>{`${index + 1}. ${entry.headName}（户主）`}</Text>
            <Text className='rg-entry__text'>
              {`${shortDivisionName(entry.villageName)}，全家 ${entry.memberCount} 人，${entry.resettlementType ? RESETTLEMENT_TYPE_LABELS[entry.resettlementType] : '安置方式待定'}`}
            </Text>
            <Text className='rg-entry__text'>{`身份证号 ${entry.headIdNumberMasked}`}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
