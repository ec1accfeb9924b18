import { Text, View } from '@tarojs/components';
import { CONSTRUCTION_STATUS_LABELS, WILLINGNESS, WILLINGNESS_LABELS, type ResettlementType, type Site } from '@anqian/shared';
import { ChoiceField, optionsOf, TextAreaField, type Option } from '@/components/form-fields';
import { Notice } from '@/components/notice';
import type { Remote } from '@/lib/use-remote';
import type { RegistrationDraft } from '../draft';
import { formatMonth } from '../summary';
import type { FormApi } from '../use-registration-form';

const WILLINGNESS_OPTIONS = optionsOf(WILLINGNESS, WILLINGNESS_LABELS);

/** Plain-words explanations: residents ask what each type means before choosing. */
const RESETTLEMENT_OPTIONS: Option<ResettlementType>[] = [
  { value: 'centralized', label: '集中安置', hint: '搬到政府统一建设的安置点' },
  { value: 'scattered', label: '分散安置', hint: '在安全的地方自己选址建房或购房' },
  { value: 'urban', label: '进城安置', hint: '搬到县城或集镇的安置小区' },
  { value: 'relatives', label: '投亲靠友', hint: '搬去和亲戚朋友一起住' },
];

/** The chip that stands for leaving an optional choice open. */
const NONE = 'none';

/** The next twelve months, starting with this one. */
function upcomingMonths(today = new Date()): string[] {
  return Array.from({ length: 12 }, (_, offset) => {
    const date = new Date(today.getFullYear(), today.getMonth() + offset, 1);
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
  });
}

function siteOption(site: Site): Option<string> {
  const room = site.remaining > 0 ? `还可安置 ${site.remaining} 户` : '已满';
  return { value: site.id, label: site.name, hint: `${site.townshipName}，${CONSTRUCTION_STATUS_LABELS[site.constructionStatus]}，${room}` };
}

export function WishesStep({ form, sites }: { form: FormApi; sites: Remote<Site[]> }) {
  const { draft, update, errorOf, touch } = form;
  const { wishes } = draft;
  const set = (change: Partial<RegistrationDraft['wishes']>) =>
    update((current) => ({ ...current, wishes: { ...current.wishes, ...change } }));
  const unwilling = wishes.willingness === 'unwilling';
  const months = upcomingMonths();

  return (
    <View>
      <View className='rg-card'>
        <ChoiceField
          label='是否愿意搬迁'
          required
          options={WILLINGNESS_OPTIONS}
          value={wishes.willingness}
          onChange={(willingness) => set({ willingness })}
          error={errorOf('wishes.willingness')}
        />
      </View>

      {wishes.willingness && !unwilling ? (
        <View className='rg-card'>
          <ChoiceField
            label='想怎样安置'
            required
            options={RESETTLEMENT_OPTIONS}
            value={wishes.resettlementType}
            onChange={(resettlementType) => set({ resettlementType })}
            error={errorOf('wishes.resettlementType')}
          />
          {wishes.resettlementType === 'centralized' ? (
            <SitePicker
              sites={sites}
              value={wishes.preferredSiteId}
              onChange={(preferredSiteId) => set({ preferredSiteId })}
              error={errorOf('wishes.preferredSiteId')}
            />
          ) : null}
          <ChoiceField
            label='想什么时候搬'
            hint='可以不选，以后再和工作人员商量'
            options={[
              ...months.map((month) => ({ value: month, label: formatMonth(month) })),
              { value: NONE, label: '暂不确定' },
            ]}
            value={wishes.preferredMoveMonth || NONE}
            onChange={(month) => set({ preferredMoveMonth: month === NONE ? '' : month })}
            error={errorOf('wishes.preferredMoveMonth')}
          />
        </View>
      ) : null}

      {wishes.willingness ? (
        <View className='rg-card'>
          <TextAreaField
            label={unwilling ? '不愿意搬迁的原因' : '还有什么想说的'}
            required={unwilling}
            hint={unwilling ? '请简单说明，工作人员会上门了解情况' : '可以不填'}
            placeholder={unwilling ? '如：年纪大了不想离开老房子' : '如：家里有老人需要照顾，希望离卫生院近一些'}
            maxlength={500}
            value={wishes.reasons}
            onChange={(reasons) => set({ reasons })}
            onBlur={() => touch('wishes.reasons')}
            error={errorOf('wishes.reasons')}
          />
        </View>
      ) : null}
    </View>
  );
}

type SitePickerProps = { sites: Remote<Site[]>; value: string; onChange: (id: string) => void; error?: string };

function SitePicker({ sites, value, onChange, error }: SitePickerProps) {
  if (sites.loading) return <Notice tone='info'>正在加载安置点…</Notice>;
  if (!sites.data) {
    return (
      <Notice tone='error' actionText='重试' onAction={sites.reload}>
        {`安置点没有加载出来：${sites.error ?? ''}。也可以先不选，以后再定。`}
      </Notice>
    );
  }
  // Town estates (城镇安置小区) belong to 进城安置; only centralised sites can be preferred here.
  const centralized = sites.data.filter((site) => site.type === 'centralized');
  return (
    <View>
      <ChoiceField
        label='想去哪个安置点'
        hint='可以不选，由工作人员根据情况安排'
        options={[...centralized.map(siteOption), { value: NONE, label: '暂不选择' }]}
        value={value || NONE}
        onChange={(id) => onChange(id === NONE ? '' : id)}
        error={error}
      />
      {centralized.length === 0 ? <Text className='rg-field__hint'>目前还没有公布的集中安置点。</Text> : null}
    </View>
  );
}
