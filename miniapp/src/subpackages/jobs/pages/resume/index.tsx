import Taro, { useRouter } from '@tarojs/taro';
import { Input, Picker, Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { chinaDate, type Resume, type ResumeHouseholdMember } from '@anqian/shared';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { ChoiceField, Field, MultiChoiceField, TextAreaField, TextField, type Option } from '@/components/form-fields';
import { Notice } from '@/components/notice';
import { LoadState } from '@/components/load-state';
import { JOBS_CONSENT_WHY } from '@/features/jobs/application-display';
import { ResidentGate } from '@/components/resident-gate';
import { getResume, saveResume, type ResumeAnswer } from '@/features/jobs/jobs-api';
import { addSkill, checkResume, COMMON_SKILLS, errorsFromServer, MAX_SKILLS, valuesFrom, WANTED_PLACES, type ResumeErrors, type ResumeValues } from '@/features/jobs/resume-form';
import { ApiError } from '@/lib/request';
import { ROUTES } from '@/lib/routes';
import { useAction } from '@/lib/use-action';
import { useRemote } from '@/lib/use-remote';
import '@/features/jobs/components/jobs.scss';
import '@/styles/cards.scss';

export default function ResumePage() {
  return (
    <PageShell>
      <ResidentGate why='求职信息要保存您的姓名和手机号，登录后才能填写。' consentWhy={JOBS_CONSENT_WHY}>
        <LoadedResume />
      </ResidentGate>
    </PageShell>
  );
}

function LoadedResume() {
  const resume = useRemote(getResume);
  return <LoadState remote={resume} what='您的求职信息'>{(answer) => <ResumeForm answer={answer} />}</LoadState>;
}

const NO_MEMBER = 'none';

function memberOptions(members: ResumeHouseholdMember[]): Option<string>[] {
  return [
    ...members.map((member) => ({
      value: member.key,
      label: member.name,
      hint: [member.relation, member.age === null ? '' : `${member.age} 岁`].filter(Boolean).join('，'),
    })),
    { value: NO_MEMBER, label: '都不是 / 先不选' },
  ];
}

function ResumeForm({ answer }: { answer: ResumeAnswer }) {
  const { params } = useRouter();
  const fromApply = params.from === 'apply';
  const [values, setValues] = useState<ResumeValues>(() => valuesFrom(answer.resume));
  const [errors, setErrors] = useState<ResumeErrors>({});
  const [saved, setSaved] = useState<Resume | null>(null);
  const [skillDraft, setSkillDraft] = useState('');
  const set = (change: Partial<ResumeValues>) => {
    setValues((current) => ({ ...current, ...change }));
    setSaved(null);
  };
  const member = answer.householdMembers.find((item) => item.key === values.memberKey) ?? null;
  const age = member?.age ?? answer.resume?.age ?? null;
  const phoneHint = answer.resume ? `已保存的号码是 ${answer.resume.phoneMasked}。为保护隐私只显示一部分，保存时请再填一次完整号码。` : '单位和人社局用这个号码联系您';

  const save = useAction(
    useCallback(async (body: Parameters<typeof saveResume>[0]) => {
      try {
        setSaved(await saveResume(body));
      } catch (error) {
        if (error instanceof ApiError && error.details.length > 0) setErrors(errorsFromServer(error.details));
        throw error;
      }
      if (fromApply) await Taro.navigateBack().catch(() => Taro.redirectTo({ url: ROUTES.jobs }));
    }, [fromApply]),
  );

  const submit = () => {
    const checked = checkResume(values);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    void save.run(checked.body);
  };

  const skillOptions = [...new Set([...COMMON_SKILLS, ...values.skills])].map((skill) => ({ value: skill, label: skill }));
  const errorCount = Object.keys(errors).length;

  return (
    <View>
      {fromApply ? <Notice tone='info'>填好并保存后，会回到刚才的岗位，再点「投递」就行。</Notice> : null}
      {answer.householdMembers.length > 0 ? (
        <ChoiceField
          label='我是户里的哪一位'
          hint='选了以后，找到工作时人社局会记在您家的就业情况里'
          options={memberOptions(answer.householdMembers)}
          value={values.memberKey ?? NO_MEMBER}
          onChange={(key) => {
            const chosen = answer.householdMembers.find((item) => item.key === key);
            set({ memberKey: chosen ? key : null, ...(chosen && !values.name.trim() ? { name: chosen.name } : {}) });
          }}
        />
      ) : null}
      <TextField label='姓名' required value={values.name} onChange={(name) => set({ name })} placeholder='请输入您的姓名' maxlength={20} error={errors.name} />
      {age === null ? null : (
        <Field label='年龄'>
          <Text className='rg-card__text'>{`${age} 岁（按身份证号算，不用填）`}</Text>
        </Field>
      )}
      <TextField
        label='手机号'
        required
        type='number'
        hint={phoneHint}
        value={values.phone}
        onChange={(phone) => set({ phone })}
        placeholder='请输入 11 位手机号'
        maxlength={11}
        error={errors.phone}
      />
      <MultiChoiceField
        label='会做什么'
        hint={`点一下选上，再点一下取消，最多 ${MAX_SKILLS} 项`}
        options={skillOptions}
        value={values.skills}
        onChange={(skills) => set({ skills: skills.slice(0, MAX_SKILLS) })}
        error={errors.skills}
      />
      <View className='jb-add-skill'>
        <Input
          className='rg-input'
          value={skillDraft}
          placeholder='没有的可以自己写'
          placeholderClass='rg-input__placeholder'
          maxlength={20}
          onInput={(event) => setSkillDraft(event.detail.value)}
        />
        <ActionButton
          variant='secondary'
          onClick={() => {
            set({ skills: addSkill(values.skills, skillDraft) });
            setSkillDraft('');
          }}
        >
          添加
        </ActionButton>
      </View>
      <TextAreaField
        label='做过什么工作'
        value={values.experience}
        onChange={(experience) => set({ experience })}
        placeholder='比如：在昆明工地做过 3 年钢筋工'
        maxlength={500}
        error={errors.experience}
      />
      <TextField
        label='想要的月工资（元）'
        type='number'
        value={values.wantedPay}
        onChange={(wantedPay) => set({ wantedPay })}
        placeholder='比如 3000，不填表示都可以'
        maxlength={6}
        error={errors.wantedPay}
      />
      <ChoiceField
        label='想在哪里工作'
        options={WANTED_PLACES.map((place) => ({ value: place, label: place }))}
        value={WANTED_PLACES.includes(values.wantedPlace) ? values.wantedPlace : ''}
        onChange={(wantedPlace) => set({ wantedPlace })}
        error={errors.wantedPlace}
      />
      <Field label='哪天起能上班' error={errors.availableFrom}>
        <Picker mode='date' value={values.availableFrom || chinaDate()} start={chinaDate()} onChange={(event) => set({ availableFrom: String(event.detail.value) })}>
          <View className='jb-picker'>
            <Text className={values.availableFrom ? '' : 'jb-picker__placeholder'}>{values.availableFrom || '点这里选日期，不选表示随时'}</Text>
            <Text>›</Text>
          </View>
        </Picker>
      </Field>
      <TextAreaField
        label='还想说的'
        value={values.freeText}
        onChange={(freeText) => set({ freeText })}
        placeholder='比如：家里有老人，只能做白班'
        maxlength={500}
        error={errors.freeText}
      />

      {errorCount > 0 ? <Notice tone='error'>{`有 ${errorCount} 处要改一下，请看上面红字。`}</Notice> : null}
      {save.error ? <Notice tone='error'>{save.error}</Notice> : null}
      {saved && !fromApply ? <Notice tone='success'>求职信息已保存，投递时会一起发出。</Notice> : null}
      <ActionButton loading={save.loading} onClick={submit}>
        {save.loading ? '正在保存…' : fromApply ? '保存，回去投递' : '保存求职信息'}
      </ActionButton>
      {saved && !fromApply ? (
        <ActionButton variant='secondary' onClick={() => void Taro.navigateTo({ url: ROUTES.jobs })}>
          去找工作
        </ActionButton>
      ) : null}
    </View>
  );
}
