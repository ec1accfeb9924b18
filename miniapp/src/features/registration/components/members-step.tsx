import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MAX_MEMBERS, RELATIONS, RELATION_LABELS, WORK_ABILITY_LABELS } from '@anqian/shared';
import { ActionButton } from '@/components/action-button';
import { ChoiceField, MultiChoiceField, optionsOf, TextField } from '@/components/form-fields';
import { Notice } from '@/components/notice';
import { confirmDialog } from '@/lib/dialog';
import { emptyMember, type MemberDraft } from '../draft';
import type { FormApi } from '../use-registration-form';
import { validateMember } from '../validation';
import { SPECIAL_STATUS_OPTIONS, WORK_ABILITY_OPTIONS } from './head-step';

const RELATION_OPTIONS = optionsOf(RELATIONS, RELATION_LABELS);

/**
 * Members are edited in place, straight in the draft, so a half-typed member survives the app
 * closing too; 完成 checks the member and folds the card.
 */
export function MembersStep({ form }: { form: FormApi }) {
  const { draft, update } = form;
  const [open, setOpen] = useState<number | null>(null);
  const [checked, setChecked] = useState(false);

  const add = () => {
    update((current) => ({ ...current, members: [...current.members, emptyMember()] }));
    setOpen(draft.members.length);
    setChecked(false);
  };

  const remove = async (index: number) => {
    const name = draft.members[index].name.trim() || `成员 ${index + 1}`;
    const confirmed = await confirmDialog({ title: '删除家庭成员', content: `确定删除「${name}」吗？`, confirmText: '删除' });
    if (!confirmed) return;
    update((current) => ({ ...current, members: current.members.filter((_, i) => i !== index) }));
    setOpen(null);
  };

  const finish = (index: number) => {
    setChecked(true);
    if (Object.keys(validateMember(draft.members[index], draft, index)).length === 0) {
      setOpen(null);
      setChecked(false);
    }
  };

  return (
    <View>
      <Notice tone='info'>请添加和户主住在一起的家庭成员（不含户主本人）。只有户主一人时，直接点「下一步」。</Notice>
      {draft.members.map((member, index) =>
        open === index ? (
          <MemberEditor
            key={index}
            form={form}
            index={index}
            checked={checked}
            onDone={() => finish(index)}
            onRemove={() => void remove(index)}
          />
        ) : (
          <MemberCard
            key={index}
            member={member}
            index={index}
            problems={form.errorsUnder(`members.${index}`)}
            onEdit={() => {
              setOpen(index);
              setChecked(false);
            }}
            onRemove={() => void remove(index)}
          />
        ),
      )}
      {open === null ? (
        draft.members.length < MAX_MEMBERS ? (
          <ActionButton variant='secondary' onClick={add}>
            ＋ 添加家庭成员
          </ActionButton>
        ) : (
          <Notice tone='info'>{`家庭成员最多 ${MAX_MEMBERS} 人。`}</Notice>
        )
      ) : null}
    </View>
  );
}

function MemberCard(props: { member: MemberDraft; index: number; problems: string[]; onEdit: () => void; onRemove: () => void }) {
  const { member, index, problems, onEdit, onRemove } = props;
  // In full: the number the resident typed on this phone, to check against the ID card.
  const id = member.idNumber.trim().toUpperCase();
  return (
    <View className={`rg-card${problems.length > 0 ? ' rg-card--error' : ''}`}>
      <Text className='rg-card__title'>
        {member.name.trim() || `成员 ${index + 1}`}
        {member.relation ? `（${RELATION_LABELS[member.relation]}）` : ''}
      </Text>
      <Text className='rg-card__text'>
        身份证号：{id || '未填写'}
      </Text>
      {member.workAbility ? <Text className='rg-card__text'>{WORK_ABILITY_LABELS[member.workAbility]}</Text> : null}
      {problems.length > 0 ? <Text className='rg-field__error'>这位成员的信息还要改一改，请点「修改」：</Text> : null}
      {problems.map((problem) => (
        <Text key={problem} className='rg-field__error'>{`· ${problem}`}</Text>
      ))}
      <View className='rg-card__actions'>
        <ActionButton variant='secondary' onClick={onEdit}>
          修改
        </ActionButton>
        <ActionButton variant='danger' onClick={onRemove}>
          删除
        </ActionButton>
      </View>
    </View>
  );
}

type EditorProps = { form: FormApi; index: number; checked: boolean; onDone: () => void; onRemove: () => void };

function MemberEditor({ form, index, checked, onDone, onRemove }: EditorProps) {
  const { draft, update, errorOf, touch } = form;
  const member = draft.members[index];
  const own = validateMember(member, draft, index);
  const errorFor = (field: keyof MemberDraft) => {
    const path = `members.${index}.${field}`;
    return checked ? own[field] : errorOf(path);
  };
  const set = (change: Partial<MemberDraft>) =>
    update((current) => ({
      ...current,
      members: current.members.map((item, i) => (i === index ? { ...item, ...change } : item)),
    }));
  const blur = (field: keyof MemberDraft) => () => touch(`members.${index}.${field}`);

  return (
    <View className='rg-card rg-member-editor'>
      <Text className='rg-card__title'>{`家庭成员 ${index + 1}`}</Text>
      <TextField
        label='成员姓名'
        required
        placeholder='请输入成员姓名'
        maxlength={30}
        value={member.name}
        onChange={(name) => set({ name })}
        onBlur={blur('name')}
        error={errorFor('name')}
      />
      <ChoiceField
        label='与户主关系'
        required
        options={RELATION_OPTIONS}
        value={member.relation}
        onChange={(relation) => set({ relation })}
        error={errorFor('relation')}
      />
      <TextField
        label='成员身份证号'
        required
        hint={member.idNumberMasked ? `原来填写的是 ${member.idNumberMasked}，请重新填写完整号码` : '18 位，最后一位可以是 X'}
        placeholder='请输入 18 位身份证号'
        type='idcard'
        maxlength={18}
        value={member.idNumber}
        onChange={(idNumber) => set({ idNumber })}
        onBlur={blur('idNumber')}
        error={errorFor('idNumber')}
      />
      <ChoiceField
        label='成员劳动能力'
        required
        options={WORK_ABILITY_OPTIONS}
        value={member.workAbility}
        onChange={(workAbility) => set({ workAbility })}
        error={errorFor('workAbility')}
      />
      <MultiChoiceField
        label='成员特殊情况'
        hint='可以多选；都没有就不选'
        options={SPECIAL_STATUS_OPTIONS}
        value={member.specialStatus}
        onChange={(specialStatus) => set({ specialStatus })}
        error={errorFor('specialStatus')}
      />
      <View className='rg-card__actions'>
        <ActionButton variant='danger' onClick={onRemove}>
          删除
        </ActionButton>
        <ActionButton onClick={onDone}>完成</ActionButton>
      </View>
    </View>
  );
}
