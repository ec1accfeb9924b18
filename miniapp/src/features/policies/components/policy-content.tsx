import { RichText, Text, View } from '@tarojs/components';
import { POLICY_CATEGORY_LABELS, type PolicyAttachment, type PolicySummary } from '@anqian/shared';
import { Notice } from '@/components/notice';
import { effectivePeriodText, formatChinaDate, richTextForDisplay, validityOf } from '../policy-display';
import { AttachmentList } from '@/components/attachment-list';
import { downloadAttachment } from '../policies-api';
import './policies.scss';

type Shown = Pick<PolicySummary, 'title' | 'category' | 'issuingBody' | 'documentNumber' | 'publishDate' | 'effectiveFrom' | 'effectiveTo'> & {
  bodyHtml: string;
  interpretation: string;
  attachments: PolicyAttachment[];
};

type Props = {
  policy: Shown;
  today: string;
  /** Above the heading: archived document, or an earlier version. */
  banner?: string;
  /** 武定县 or the township that issued it. */
  owner?: string;
};

/** One policy document as residents read it: the plain-language 政策解读 first, then the formal text. */
export function PolicyContent({ policy, today, banner, owner }: Props) {
  const { validity, label } = validityOf(policy, today);
  return (
    <View>
      {banner ? <Notice tone='warning'>{banner}</Notice> : null}
      <View className='pl-card'>
        <Text className='pl-detail__title'>{policy.title}</Text>
        <View className='pl-row__badges'>
          <Text className='pl-badge'>{POLICY_CATEGORY_LABELS[policy.category]}</Text>
          <Text className={validity === 'in_force' ? 'pl-badge pl-badge--ok' : 'pl-badge pl-badge--muted'}>{label}</Text>
        </View>
        <Fact label='发文机关' value={policy.issuingBody} />
        {policy.documentNumber ? <Fact label='文号' value={policy.documentNumber} /> : null}
        <Fact label='发布日期' value={formatChinaDate(policy.publishDate)} />
        <Fact label='施行期限' value={effectivePeriodText(policy)} />
        {owner ? <Fact label='适用范围' value={owner} /> : null}
      </View>

      {policy.interpretation ? (
        <View className='pl-card pl-interpretation'>
          <Text className='pl-interpretation__title'>政策解读</Text>
          <Text className='pl-interpretation__hint'>用大白话说说这份文件讲了什么</Text>
          <Text className='pl-interpretation__text'>{policy.interpretation}</Text>
        </View>
      ) : null}

      <View className='pl-card'>
        <Text className='pl-card__title'>正文</Text>
        <RichText className='pl-body' nodes={richTextForDisplay(policy.bodyHtml)} />
      </View>

      <AttachmentList attachments={policy.attachments} download={downloadAttachment} />
    </View>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='pl-fact'>
      <Text className='pl-fact__label'>{label}</Text>
      <Text className='pl-fact__value'>{value}</Text>
    </View>
  );
}
