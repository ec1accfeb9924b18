import { View } from '@tarojs/components';
import { SPECIAL_STATUSES, SPECIAL_STATUS_LABELS, WORK_ABILITIES, WORK_ABILITY_LABELS } from '@anqian/shared';
import { ChoiceField, MultiChoiceField, optionsOf, TextField } from '@/components/form-fields';
import { Notice } from '@/components/notice';
import type { HeadDraft } from '../draft';
import type { FormApi } from '../use-registration-form';

export const WORK_ABILITY_OPTIONS = optionsOf(WORK_ABILITIES, WORK_ABILITY_LABELS);
export const SPECIAL_STATUS_OPTIONS = optionsOf(SPECIAL_STATUSES, SPECIAL_STATUS_LABELS);

export function HeadStep({ form }: { form: FormApi }) {
  const { draft, update, errorOf, touch } = form;
  const { head } = draft;
  const set = (change: Partial<HeadDraft>) => update((current) => ({ ...current, head: { ...current.head, ...change } }));

  return (
    <View className='rg-card'>
      {head.idNumberMasked ? (
        <Notice tone='info'>
          为保护您的信息，退回的登记不显示完整的身份证号和手机号，请重新填写户主和每位家庭成员的身份证号。
        </Notice>
      ) : null}
      <TextField
        label='户主姓名'
        required
        placeholder='请输入户主姓名'
        value={head.name}
        maxlength={30}
        onChange={(name) => set({ name })}
        onBlur={() => touch('head.name')}
        error={errorOf('head.name')}
      />
      <TextField
        label='户主身份证号'
        required
        hint={head.idNumberMasked ? `原来填写的是 ${head.idNumberMasked}` : '18 位，最后一位可以是 X'}
        placeholder='请输入 18 位身份证号'
        type='idcard'
        maxlength={18}
        value={head.idNumber}
        onChange={(idNumber) => set({ idNumber })}
        onBlur={() => touch('head.idNumber')}
        error={errorOf('head.idNumber')}
      />
      <TextField
        label='联系电话'
        required
        hint={head.phoneMasked ? `原来填写的是 ${head.phoneMasked}` : '工作人员会用这个号码联系您'}
        placeholder='请输入 11 位手机号'
        type='number'
        maxlength={11}
        value={head.phone}
        onChange={(phone) => set({ phone })}
        onBlur={() => touch('head.phone')}
        error={errorOf('head.phone')}
      />
      <ChoiceField
        label='户主劳动能力'
        required
        options={WORK_ABILITY_OPTIONS}
        value={head.workAbility}
        onChange={(workAbility) => set({ workAbility })}
        error={errorOf('head.workAbility')}
      />
      <MultiChoiceField
        label='户主特殊情况'
        hint='可以多选；都没有就不选'
        options={SPECIAL_STATUS_OPTIONS}
        value={head.specialStatus}
        onChange={(specialStatus) => set({ specialStatus })}
        error={errorOf('head.specialStatus')}
      />
    </View>
  );
}
