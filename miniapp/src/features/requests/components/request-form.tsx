import { Text, Textarea, View } from '@tarojs/components';
import { useCallback } from 'react';
import { REQUEST_CATEGORIES, REQUEST_CATEGORY_LABELS, REQUEST_FIRST_REPLY_WORKING_DAYS, REQUEST_TEXT_MAX, type ResidentRegistration } from '@anqian/shared';
import { ActionButton } from '@/components/action-button';
import { ChoiceField, Field } from '@/components/form-fields';
import { Notice } from '@/components/notice';
import type { PhotoDraft } from '@/lib/photos';
import { listMyRegistrations } from '@/features/registration/registrations-api';
import { usePhotoUploads } from '@/lib/use-photo-uploads';
import { askForMessages } from '@/lib/subscribe';
import { useRemote } from '@/lib/use-remote';
import { CATEGORY_HINTS } from '../request-display';
import type { RequestForm as Form } from '../use-request-form';
import { PhotoPicker } from './photo-picker';
import { VillageChoice } from './village-choice';
import './requests.scss';

const CATEGORY_OPTIONS = REQUEST_CATEGORIES.map((category) => ({ value: category, label: REQUEST_CATEGORY_LABELS[category], hint: CATEGORY_HINTS[category] }));

export function RequestForm({ form }: { form: Form }) {
  const { draft, update, errors } = form;
  const addPhoto = useCallback((photo: PhotoDraft) => update((current) => ({ ...current, photos: [...current.photos, photo] })), [update]);
  const uploads = usePhotoUploads(addPhoto);
  const setVillage = useCallback((villageCode: string) => update({ villageCode }), [update]);
  const length = [...draft.text].length;

  const send = () => void form.submit(() => askForMessages(['request_reply']));

  return (
    <View>
      <ChoiceField label='想办什么事' required options={CATEGORY_OPTIONS} value={draft.category} onChange={(category) => update({ category })} error={errors.category} />

      <Field label='具体情况' required hint='说清楚什么事、在哪里、从什么时候开始，乡镇才好办。' error={errors.text}>
        <Textarea
          className='rg-textarea rq-textarea'
          value={draft.text}
          placeholder='请写下您要咨询或反映的事情'
          placeholderClass='rg-input__placeholder'
          maxlength={REQUEST_TEXT_MAX}
          onInput={(event) => update({ text: event.detail.value })}
        />
        <Text className={`rq-counter${length >= REQUEST_TEXT_MAX ? ' rq-counter--full' : ''}`}>{`已写 ${length} 字，最多 ${REQUEST_TEXT_MAX} 字`}</Text>
      </Field>

      <PhotoPicker
        photos={draft.photos}
        uploads={uploads}
        onRemove={(id) => update((current) => ({ ...current, photos: current.photos.filter((photo) => photo.id !== id) }))}
        error={errors.photos}
      />

      <VillageChoice value={draft.villageCode} onChange={setVillage} error={errors.village} />

      <RegistrationChoice value={draft.registrationId} onChange={(registration) => update(registration ? { registrationId: registration.id, villageCode: registration.household.villageCode } : { registrationId: '' })} error={errors.registration} />

      {form.formError ? <Notice tone='error'>{form.formError}</Notice> : null}
      {uploads.busy ? <Notice tone='info'>照片还在上传，传完就可以提交。</Notice> : null}
      <ActionButton loading={form.submitting} disabled={uploads.busy} onClick={send}>
        {form.submitting ? '正在提交…' : '提交'}
      </ActionButton>
      <Text className='rq-footnote'>{`提交后乡镇一般在 ${REQUEST_FIRST_REPLY_WORKING_DAYS} 个工作日内答复，答复时会发微信消息提醒您。`}</Text>
    </View>
  );
}

type RegistrationProps = { value: string; onChange: (registration: ResidentRegistration | null) => void; error?: string };

/** Only when the resident has registrations: a request about one of them reaches its file. */
function RegistrationChoice({ value, onChange, error }: RegistrationProps) {
  const registrations = useRemote(listMyRegistrations);
  const own = (registrations.data ?? []).filter((registration) => registration.status !== 'withdrawn');
  if (own.length === 0) return null;
  const options = [
    { value: '', label: '不是', hint: '和搬迁登记无关' },
    ...own.map((registration) => ({ value: registration.id, label: `${registration.household.head.name}户搬迁登记`, hint: `${registration.household.villageName} · ${registration.statusLabel}` })),
  ];
  return (
    <ChoiceField
      label='是不是关于您的搬迁登记'
      options={options}
      value={value}
      onChange={(id) => onChange(own.find((registration) => registration.id === id) ?? null)}
      error={error}
    />
  );
}
