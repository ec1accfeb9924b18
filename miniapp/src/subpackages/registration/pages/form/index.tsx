import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import {
  ENDED_STATUSES,
  RESETTLEMENT_TYPE_LABELS,
  WILLINGNESS_LABELS,
  townshipCodeOf,
  type ResidentRegistration,
  type ResubmitRegistrationBody,
} from '@anqian/shared';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { EmptyState } from '@/components/empty-state';
import { Notice } from '@/components/notice';
import { RegistrationForm } from '@/features/registration/components/registration-form';
import { RegistrationRow } from '@/features/registration/components/registration-row';
import { RegistrationView } from '@/features/registration/components/registration-view';
import { draftFromRegistration, emptyDraft, type RegistrationDraft } from '@/features/registration/draft';
import { loadDraft, type DraftSlot } from '@/features/registration/draft-storage';
import { AFTER_SUBMIT_STEPS, AFTER_SUBMIT_TOTAL } from '@/features/registration/next-steps';
import {
  getCadreRegistration,
  getRegistration,
  listMyRegistrations,
  resubmitCadreRegistration,
  resubmitRegistration,
  submitRegistration,
} from '@/features/registration/registrations-api';
import { useSession } from '@/lib/auth';
import { shortDivisionName } from '@/lib/division-names';
import { formatDate } from '@/lib/format-date';
import { ROUTES } from '@/lib/routes';
import { useRemote } from '@/lib/use-remote';
import { ConsentGate } from '../../components/consent-gate';
import { LoadState } from '@/components/load-state';

/**
 * The registration form in four uses: the resident's own household (no query), a village cadre
 * entering a household of their village (`?mode=cadre`), and correcting a returned registration,
 * the resident's own (`?resubmit=<id>`) or one the cadre entered (`?resubmit=<id>&mode=cadre`).
 */
export default function RegistrationFormPage() {
  const { params } = useRouter();
  const cadreMode = params.mode === 'cadre';
  const [result, setResult] = useState<{ registration: ResidentRegistration; cadre: boolean } | null>(null);
  const [round, setRound] = useState(0);
  // Once a cadre's correction is in, their next household is a new registration.
  const [resubmitId, setResubmitId] = useState(params.resubmit);

  let content;
  if (result) {
    content = (
      <Submitted
        {...result}
        onNext={() => {
          setResult(null);
          setResubmitId(undefined);
          setRound((value) => value + 1);
        }}
      />
    );
  } else if (resubmitId) {
    const source = cadreMode ? CADRE_RESUBMIT : OWN_RESUBMIT;
    content = <ResubmitForm id={resubmitId} source={source} onSubmitted={(registration) => setResult({ registration, cadre: cadreMode })} />;
  } else if (cadreMode) {
    content = <CadreForm key={round} onSubmitted={(registration) => setResult({ registration, cadre: true })} />;
  } else {
    content = <OwnForm onSubmitted={(registration) => setResult({ registration, cadre: false })} />;
  }

  return (
    <PageShell className='rg-page'>
      <ConsentGate>{content}</ConsentGate>
    </PageShell>
  );
}

type Submit = { onSubmitted: (registration: ResidentRegistration) => void };

function useStoredDraft(slot: DraftSlot, fresh: () => RegistrationDraft) {
  const [state] = useState(() => {
    const saved = loadDraft(slot);
    return { initial: saved ?? fresh(), restored: saved !== null };
  });
  return state;
}

/**
 * The resident's own registrations still in hand (not withdrawn or rejected): the server refuses the
 * same household twice from one account, so say so before the six steps rather than at the end.
 * Only the resident's own list is asked for: another person's registration of the household stays
 * out of sight, and the server lets staff sort those out.
 */
function OwnForm({ onSubmitted }: Submit) {
  const load = useCallback(
    async () => (await listMyRegistrations()).filter((registration) => !ENDED_STATUSES.includes(registration.status)),
    [],
  );
  const existing = useRemote(load);
  const [anotherHousehold, setAnotherHousehold] = useState(false);

  // Offline the check cannot run; the form still works and the submit answers the question.
  if (existing.loading && existing.data === null) return <EmptyState title='正在加载…' description='正在查看您登记过的内容，请稍候。' />;
  if (!anotherHousehold && existing.data && existing.data.length > 0) {
    return <ExistingRegistrations registrations={existing.data} onAnotherHousehold={() => setAnotherHousehold(true)} />;
  }
  return <OwnFormFields onSubmitted={onSubmitted} />;
}

function ExistingRegistrations(props: { registrations: ResidentRegistration[]; onAnotherHousehold: () => void }) {
  const { registrations, onAnotherHousehold } = props;
  const names = registrations.map((registration) => `${registration.household.head.name}户`).join('、');
  return (
    <View>
      <View className='rg-card'>
        <Text className='rg-card__title'>您已经登记过了</Text>
        <Text className='rg-card__text'>
          {`您已经为${names}登记过，正在办理，同一户不用再登记。要看办到哪一步、修改或撤回，请点下面的登记。`}
        </Text>
      </View>
      {registrations.map((registration) => (
        <RegistrationRow
          key={registration.id}
          registration={registration}
          onOpen={() => Taro.redirectTo({ url: `${ROUTES.registrationDetail}?id=${encodeURIComponent(registration.id)}` })}
        />
      ))}
      <View className='rg-card'>
        <Text className='rg-card__text'>如果您是帮另外一户登记（比如父母家），可以继续填写新的登记。</Text>
        <ActionButton variant='secondary' onClick={onAnotherHousehold}>
          为另外一户登记
        </ActionButton>
      </View>
    </View>
  );
}

function OwnFormFields({ onSubmitted }: Submit) {
  const fresh = useCallback(() => emptyDraft(), []);
  const { initial, restored } = useStoredDraft('self', fresh);
  return (
    <RegistrationForm
      slot='self'
      initial={initial}
      restored={restored}
      fresh={fresh}
      submitLabel='确认提交'
      askSubscribe
      submit={(draft, body) => submitRegistration('self', draft.idempotencyKey, body)}
      onSubmitted={onSubmitted}
      onShowExisting={() => Taro.redirectTo({ url: ROUTES.registrationList })}
    />
  );
}

function CadreForm({ onSubmitted }: Submit) {
  const { resident } = useSession();
  const cadre = resident?.cadre;
  if (!cadre) {
    return (
      <Notice tone='warning' actionText='去村干部登录' onAction={() => Taro.redirectTo({ url: ROUTES.cadreLogin })}>
        代村民登记需要先用村干部账号登录并绑定本微信。
      </Notice>
    );
  }
  return <CadreFormFor cadre={cadre} onSubmitted={onSubmitted} />;
}

function CadreFormFor({ cadre, onSubmitted }: Submit & { cadre: { villageCode: string; villageName: string } }) {
  const village = { villageCode: cadre.villageCode, townshipCode: townshipCodeOf(cadre.villageCode) ?? '' };
  const fresh = useCallback(
    () => emptyDraft({ villageCode: cadre.villageCode, townshipCode: townshipCodeOf(cadre.villageCode) ?? '' }),
    [cadre.villageCode],
  );
  const { initial, restored } = useStoredDraft('cadre', fresh);
  return (
    <RegistrationForm
      slot='cadre'
      // The cadre may have re-linked to another village since the draft was saved.
      initial={{ ...initial, ...village }}
      restored={restored}
      fresh={fresh}
      fixedVillage={{ villageName: cadre.villageName }}
      submitLabel='确认提交'
      askSubscribe={false}
      submit={(draft, body) => submitRegistration('cadre', draft.idempotencyKey, body)}
      onSubmitted={onSubmitted}
    />
  );
}

/**
 * Where a returned registration is read from and sent back to: the resident's own household, or a
 * household the signed-in village cadre entered.
 */
type ResubmitSource = {
  load: (id: string) => Promise<ResidentRegistration>;
  resubmit: (id: string, body: ResubmitRegistrationBody) => Promise<ResidentRegistration>;
  slot: (id: string) => DraftSlot;
  /** The status message goes to this WeChat, so only the household itself is asked. */
  askSubscribe: boolean;
  /** A cadre registers households of their own village only. */
  fixedVillage: boolean;
  progressUrl: (id: string) => string;
};

const OWN_RESUBMIT: ResubmitSource = {
  load: getRegistration,
  resubmit: resubmitRegistration,
  slot: (id) => `resubmit.${id}`,
  askSubscribe: true,
  fixedVillage: false,
  progressUrl: (id) => `${ROUTES.registrationDetail}?id=${encodeURIComponent(id)}`,
};

const CADRE_RESUBMIT: ResubmitSource = {
  load: getCadreRegistration,
  resubmit: resubmitCadreRegistration,
  slot: (id) => `resubmit.cadre.${id}`,
  askSubscribe: false,
  fixedVillage: true,
  progressUrl: () => ROUTES.cadreRegistrations,
};

type ResubmitProps = Submit & { source: ResubmitSource };

function ResubmitForm({ id, source, onSubmitted }: ResubmitProps & { id: string }) {
  const load = useCallback(() => source.load(id), [source, id]);
  const registration = useRemote(load);
  return (
    <LoadState remote={registration} what='登记'>
      {(loaded) =>
        loaded.canResubmit ? (
          <ResubmitFormFor registration={loaded} source={source} onSubmitted={onSubmitted} />
        ) : (
          <Notice tone='info' actionText='查看办理进度' onAction={() => Taro.redirectTo({ url: source.progressUrl(id) })}>
            {`这条登记现在是「${loaded.statusLabel}」，不需要修改。`}
          </Notice>
        )
      }
    </LoadState>
  );
}

function ResubmitFormFor({ registration, source, onSubmitted }: ResubmitProps & { registration: ResidentRegistration }) {
  const slot = source.slot(registration.id);
  const fresh = useCallback(() => draftFromRegistration(registration), [registration]);
  const { initial, restored } = useStoredDraft(slot, fresh);
  const reason = [...registration.timeline].reverse().find((entry) => entry.to === 'returned')?.reason;
  return (
    <View>
      {reason ? <Notice tone='warning'>{`退回原因：${reason}`}</Notice> : null}
      <RegistrationForm
        slot={slot}
        initial={initial}
        restored={restored}
        fresh={fresh}
        fixedVillage={source.fixedVillage ? { villageName: registration.household.villageName } : undefined}
        submitLabel='确认重新提交'
        askSubscribe={source.askSubscribe}
        submit={(_draft, body) => source.resubmit(registration.id, body)}
        onSubmitted={onSubmitted}
      />
    </View>
  );
}

function Submitted({ registration, cadre, onNext }: { registration: ResidentRegistration; cadre: boolean; onNext: () => void }) {
  // The review step was scrolled to its submit button: start the answer at its first line.
  useEffect(() => {
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  }, []);
  const { household, wishes } = registration;
  const sent = [
    `户主：${household.head.name}，全家 ${household.members.length + 1} 人`,
    `地址：${household.townshipName} ${shortDivisionName(household.villageName)} ${household.address}`,
    `搬迁意愿：${WILLINGNESS_LABELS[wishes.willingness]}${wishes.resettlementType ? `，${RESETTLEMENT_TYPE_LABELS[wishes.resettlementType]}` : ''}`,
    `照片：${household.photos.length > 0 ? `${household.photos.length} 张` : '没有照片'}`,
  ];
  return (
    <View>
      <Notice tone='success'>{`登记已提交成功！${formatDate(registration.submittedAt)}已送到乡镇，现在是「${registration.statusLabel}」。`}</Notice>
      <View className='rg-card'>
        <Text className='rg-card__title'>提交了什么</Text>
        {sent.map((line) => (
          <Text key={line} className='rg-card__text'>
            {line}
          </Text>
        ))}
        <Text className='rg-card__text'>全部内容在本页下方，可以往下翻着看。</Text>
      </View>
      <View className='rg-card'>
        <Text className='rg-card__title'>接下来怎么办、要多久</Text>
        {AFTER_SUBMIT_STEPS.map((step, index) => (
          <View key={step.title} className='rg-next'>
            <Text className='rg-next__title'>{`${index + 1}. ${step.title}`}</Text>
            <Text className='rg-card__text'>{step.text}</Text>
          </View>
        ))}
        <Text className='rg-next__total'>{AFTER_SUBMIT_TOTAL}</Text>
      </View>
      <View className='rg-nav rg-nav--column'>
        {cadre ? (
          <>
            <ActionButton onClick={onNext}>继续代登记下一户</ActionButton>
            <ActionButton variant='secondary' onClick={() => Taro.redirectTo({ url: ROUTES.cadreRegistrations })}>
              我代填的登记
            </ActionButton>
          </>
        ) : (
          <ActionButton onClick={() => Taro.redirectTo({ url: ROUTES.registrationList })}>查看我的登记</ActionButton>
        )}
        <ActionButton variant='secondary' onClick={() => Taro.switchTab({ url: ROUTES.services })}>
          返回办事
        </ActionButton>
      </View>
      <RegistrationView registration={registration} />
    </View>
  );
}
