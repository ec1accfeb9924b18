import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { ResidentRegistration, ResubmitRegistrationBody } from '@anqian/shared';
import { ActionButton } from '@/components/action-button';
import { Notice } from '@/components/notice';
import { confirmDialog } from '@/lib/dialog';
import { useDivisionTree } from '@/lib/division-tree';
import { ApiError, errorMessage } from '@/lib/request';
import type { PhotoDraft } from '@/lib/photos';
import type { RegistrationDraft } from '../draft';
import { clearDraft, type DraftSlot } from '../draft-storage';
import { askForMessages, prefetchSubscribeTemplates } from '@/lib/subscribe';
import { usePhotoUploads } from '@/lib/use-photo-uploads';
import { useRegistrationForm } from '../use-registration-form';
import { useSites } from '../use-sites';
import { fieldErrorsFromServer, STEPS, validateDraft } from '../validation';
import { HeadStep } from './head-step';
import { HouseStep } from './house-step';
import { MembersStep } from './members-step';
import { PhotosStep } from './photos-step';
import { ReviewStep } from './review-step';
import { WishesStep } from './wishes-step';
import '@/styles/cards.scss';
import './registration.scss';

type Props = {
  slot: DraftSlot;
  initial: RegistrationDraft;
  /** The draft came from the phone's storage: say so, and offer to start over. */
  restored: boolean;
  fresh: () => RegistrationDraft;
  fixedVillage?: { villageName: string };
  submitLabel: string;
  submit: (draft: RegistrationDraft, body: ResubmitRegistrationBody) => Promise<ResidentRegistration>;
  /** Ask for the WeChat status message (the household's own registration only). */
  askSubscribe: boolean;
  onSubmitted: (registration: ResidentRegistration) => void;
  /** Where to look when the household already has a registration in progress. */
  onShowExisting?: () => void;
};

export function RegistrationForm(props: Props) {
  const { slot, initial, restored, fresh, fixedVillage, submitLabel, submit, askSubscribe, onSubmitted, onShowExisting } = props;
  const form = useRegistrationForm(slot, initial);
  const { draft, step, update } = form;
  const divisions = useDivisionTree();
  const sites = useSites();
  const addPhoto = useCallback(
    (photo: PhotoDraft) => update((current) => ({ ...current, photos: [...current.photos, photo] })),
    [update],
  );
  const uploads = usePhotoUploads(addPhoto);
  const [showRestored, setShowRestored] = useState(restored);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<{ message: string; alreadyRegistered: boolean } | null>(null);
  const [blocked, setBlocked] = useState(false);
  const index = STEPS.findIndex(({ key }) => key === step);

  useEffect(() => {
    if (askSubscribe) void prefetchSubscribeTemplates();
  }, [askSubscribe]);

  useEffect(() => {
    setBlocked(false);
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  }, [step]);

  const startOver = async () => {
    const confirmed = await confirmDialog({
      title: '清空重新填写',
      content: '已填写的内容会全部清空，确定吗？',
      confirmText: '清空',
    });
    if (!confirmed) return;
    form.reset(fresh());
    setShowRestored(false);
  };

  const failedPhotos = uploads.pending.filter((item) => item.error).length;

  const goNext = () => {
    // A photo that did not make it must not vanish from the registration unnoticed.
    if (step === 'photos' && (uploads.busy || failedPhotos > 0)) {
      setBlocked(true);
      return;
    }
    form.next();
  };

  const handleSubmit = async () => {
    const checked = validateDraft(draft);
    if (!checked.ok) {
      form.showErrors(checked.errors);
      return;
    }
    setSubmitError(null);
    setSubmitting(true);
    // First thing after the tap: WeChat shows the subscribe prompt only from a user gesture.
    if (askSubscribe) await askForMessages(['registration_status']);
    try {
      const registration = await submit(draft, checked.body);
      clearDraft(slot);
      onSubmitted(registration);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION_FAILED' && error.details.length > 0) {
        form.showErrors(fieldErrorsFromServer(error.details));
      } else if (error instanceof ApiError && error.code === 'NETWORK_ERROR') {
        setSubmitError({
          message: `${error.message}。填写的内容已保存在手机上，网络好了再点「${submitLabel}」，不会重复登记。`,
          alreadyRegistered: false,
        });
      } else {
        const alreadyRegistered = error instanceof ApiError && error.code === 'REGISTRATION_ACTIVE_EXISTS';
        setSubmitError({ message: errorMessage(error), alreadyRegistered });
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className='rg-form'>
      <View className='rg-steps'>
        <Text className='rg-steps__count'>{`第 ${index + 1} 步，共 ${STEPS.length} 步`}</Text>
        <Text className='rg-steps__title'>{STEPS[index].title}</Text>
        <View className='rg-steps__bar'>
          {STEPS.map(({ key }, i) => (
            <View key={key} className={`rg-steps__dot${i <= index ? ' rg-steps__dot--done' : ''}`} />
          ))}
        </View>
      </View>

      {showRestored ? (
        <Notice tone='success' actionText='清空重新填写' onAction={() => void startOver()}>
          已恢复您上次没有填完的内容，可以接着填。
        </Notice>
      ) : null}

      {step === 'head' ? <HeadStep form={form} /> : null}
      {step === 'members' ? <MembersStep form={form} /> : null}
      {step === 'house' ? <HouseStep form={form} divisions={divisions} fixedVillage={fixedVillage} /> : null}
      {step === 'wishes' ? <WishesStep form={form} sites={sites} /> : null}
      {step === 'photos' ? <PhotosStep form={form} uploads={uploads} /> : null}
      {step === 'review' ? <ReviewStep form={form} divisions={divisions.data} sites={sites.data} /> : null}

      {form.visibleErrorCount > 0 ? (
        <Notice tone='error'>{`还有 ${form.visibleErrorCount} 处没填好，已经用红字标在上面，请改好后再继续。`}</Notice>
      ) : null}
      {blocked && uploads.busy ? <Notice tone='warning'>照片还在上传，请等上传完成再继续。</Notice> : null}
      {blocked && !uploads.busy && failedPhotos > 0 ? (
        <Notice tone='warning'>
          {`有 ${failedPhotos} 张照片没有传上去。网络好了点照片下面的「重试」；不要这张，就点「移除」。`}
        </Notice>
      ) : null}
      {submitError ? (
        <Notice
          tone='error'
          actionText={submitError.alreadyRegistered && onShowExisting ? '查看我的登记' : undefined}
          onAction={onShowExisting}
        >
          {submitError.message}
        </Notice>
      ) : null}

      <View className='rg-nav'>
        {index > 0 ? (
          <ActionButton variant='secondary' disabled={submitting} onClick={form.back}>
            上一步
          </ActionButton>
        ) : null}
        {step === 'review' ? (
          <ActionButton className='rg-nav__next' loading={submitting} onClick={() => void handleSubmit()}>
            {submitting ? '正在提交…' : submitLabel}
          </ActionButton>
        ) : (
          <ActionButton className='rg-nav__next' onClick={goNext}>
            下一步
          </ActionButton>
        )}
      </View>
    </View>
  );
}
