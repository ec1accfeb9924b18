import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { calculateSubsidy, RESETTLEMENT_TYPE_LABELS, type ResidentRegistration, type SubsidyRuleSet } from '@anqian/shared';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { EmptyState } from '@/components/empty-state';
import { Notice } from '@/components/notice';
import { listMyRegistrations } from '@/features/registration/registrations-api';
import { emptyCalculatorForm, formFromRegistration, inputFromForm, type CalculatorForm } from '@/features/subsidy/calculator-form';
import { EstimateCard } from '@/features/subsidy/components/estimate-card';
import { ESTIMATE_DISCLAIMER, ruleSetLabel } from '@/features/subsidy/estimate-view';
import { useRuleSet } from '@/features/subsidy/use-rule-set';
import { useSession } from '@/lib/auth';
import { errorMessage } from '@/lib/request';
import { CalculatorFields } from '../../components/calculator-fields';
import '@/features/subsidy/components/subsidy.scss';
import '@/styles/cards.scss';

export default function SubsidyCalculatorPage() {
  const { state, reload } = useRuleSet();
  let content;
  if (!state) content = <EmptyState title='正在读取补助标准…' description='稍等一下，马上就好。' />;
  else if (state.status === 'none' || state.status === 'unavailable') {
    content = (
      <Notice tone={state.status === 'none' ? 'warning' : 'error'} actionText='重试' onAction={reload}>
        {`暂时不能估算：${state.message}`}
      </Notice>
    );
  } else {
    content = (
      <View>
        <Notice tone={state.status === 'offline' ? 'warning' : 'info'}>{ruleSetLabel(state)}</Notice>
        <Calculator ruleSet={state.ruleSet} />
      </View>
    );
  }
  return (
    <PageShell className='rg-page'>
      <Text className='rg-card__title'>算一算能拿多少补助</Text>
      <Text className='rg-card__text'>{`填写家里的情况，马上看到每一项补助怎么算、依据哪份文件。结果是${ESTIMATE_DISCLAIMER}。`}</Text>
      {content}
    </PageShell>
  );
}

function Calculator({ ruleSet }: { ruleSet: SubsidyRuleSet }) {
  const [form, setForm] = useState<CalculatorForm>(emptyCalculatorForm);
  // Messages and the result appear after the first 计算; from then on the result follows every edit.
  const [checked, setChecked] = useState(false);
  const parsed = useMemo(() => inputFromForm(form), [form]);
  const estimate = useMemo(() => (checked && parsed.ok ? calculateSubsidy(parsed.input, ruleSet) : null), [checked, parsed, ruleSet]);

  const calculate = () => {
    setChecked(true);
    // Bring the result into view; if the phone cannot scroll there, it is still just below.
    if (parsed.ok) setTimeout(() => Taro.pageScrollTo({ selector: '.sb-estimate', duration: 300 }).catch(() => undefined), 50);
  };

  return (
    <View>
      <FromRegistration
        onPick={(registration) => {
          setForm(formFromRegistration(registration));
          setChecked(false);
        }}
      />
      <View className='rg-card'>
        <CalculatorFields form={form} errors={checked && !parsed.ok ? parsed.errors : {}} onChange={setForm} />
        {checked && !parsed.ok ? <Notice tone='error'>{`还有 ${Object.keys(parsed.errors).length} 处需要填写或修改，请看红字提示。`}</Notice> : null}
        <ActionButton onClick={calculate}>计算补助</ActionButton>
      </View>
      {estimate ? <EstimateCard estimate={estimate} /> : null}
    </View>
  );
}

type Import = { loading: boolean; message: string | null; choices: ResidentRegistration[] | null };

/** Signed-in residents can start from their registration instead of typing the household again. */
function FromRegistration({ onPick }: { onPick: (registration: ResidentRegistration) => void }) {
  const { signedIn } = useSession();
  const [state, setState] = useState<Import>({ loading: false, message: null, choices: null });
  if (!signedIn) return null;

  const pick = (registration: ResidentRegistration) => {
    onPick(registration);
    const type = registration.wishes.resettlementType;
    setState({
      loading: false,
      choices: null,
      message: `已按登记带入 ${registration.household.members.length + 1} 口人、特殊情况和旧房面积${type ? `，安置方式“${RESETTLEMENT_TYPE_LABELS[type]}”` : '；登记里没有选安置方式，请在下面选择'}。请补充旧房拆除和搬迁情况。`,
    });
  };

  const load = async () => {
    setState({ loading: true, message: null, choices: null });
    try {
      const registrations = await listMyRegistrations();
      if (registrations.length === 0) setState({ loading: false, choices: null, message: '您还没有搬迁登记，请在下面直接填写家里的情况。' });
      else if (registrations.length === 1) pick(registrations[0]);
      else setState({ loading: false, message: null, choices: registrations });
    } catch (failure) {
      setState({ loading: false, choices: null, message: `登记信息没有读取出来：${errorMessage(failure)}` });
    }
  };

  return (
    <View className='rg-card'>
      <Text className='rg-card__text'>已经登记过搬迁意愿？可以直接用登记的家庭信息来算。</Text>
      {state.message ? <Notice tone='info'>{state.message}</Notice> : null}
      {state.choices ? (
        state.choices.map((registration) => (
          <ActionButton key={registration.id} variant='secondary' onClick={() => pick(registration)}>
            {`户主 ${registration.household.head.name}（${registration.statusLabel}）`}
          </ActionButton>
        ))
      ) : (
        <ActionButton variant='secondary' loading={state.loading} onClick={() => void load()}>
          {state.loading ? '正在读取登记…' : '用我的登记信息填写'}
        </ActionButton>
      )}
    </View>
  );
}
