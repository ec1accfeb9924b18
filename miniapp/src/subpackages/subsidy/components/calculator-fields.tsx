import { Picker, Text, View } from '@tarojs/components';
import {
  chinaDate,
  DEMOLITION_TIMINGS,
  DEMOLITION_TIMING_LABELS,
  RESETTLEMENT_TYPES,
  RESETTLEMENT_TYPE_LABELS,
  SPECIAL_STATUSES,
  SPECIAL_STATUS_LABELS,
} from '@anqian/shared';
import { ActionButton } from '@/components/action-button';
import { ChoiceField, Field, MultiChoiceField, optionsOf, TextField } from '@/components/form-fields';
import { MAX_PEOPLE, resizePeople, type CalculatorErrors, type CalculatorForm } from '@/features/subsidy/calculator-form';
import { classNames } from '@/lib/class-names';
import '@/features/subsidy/components/subsidy.scss';

const RESETTLEMENT_OPTIONS = optionsOf(RESETTLEMENT_TYPES, RESETTLEMENT_TYPE_LABELS);
const TIMING_OPTIONS = optionsOf(DEMOLITION_TIMINGS, DEMOLITION_TIMING_LABELS);
const STATUS_OPTIONS = optionsOf(SPECIAL_STATUSES, SPECIAL_STATUS_LABELS);

/** Edits go through an updater: two quick taps must not undo each other on a slow phone. */
type Props = { form: CalculatorForm; errors: CalculatorErrors; onChange: (update: (current: CalculatorForm) => CalculatorForm) => void };

export function CalculatorFields({ form, errors, onChange }: Props) {
  const set = <K extends keyof CalculatorForm>(key: K, value: CalculatorForm[K]) => onChange((current) => ({ ...current, [key]: value }));
  const count = form.people.length;

  return (
    <View>
      <ChoiceField
        label='安置方式'
        required
        options={RESETTLEMENT_OPTIONS}
        value={form.resettlementType}
        onChange={(value) => set('resettlementType', value)}
        error={errors.resettlementType}
      />

      <Field label='搬迁人口（含户主）' required error={errors.people}>
        <View className='sb-people'>
          <ActionButton variant='secondary' disabled={count <= 1} onClick={() => onChange((current) => resizePeople(current, current.people.length - 1))}>
            −
          </ActionButton>
          <Text className='sb-people__count'>{`${count} 人`}</Text>
          <ActionButton variant='secondary' disabled={count >= MAX_PEOPLE} onClick={() => onChange((current) => resizePeople(current, current.people.length + 1))}>
            ＋
          </ActionButton>
        </View>
      </Field>
      {form.people.map((person, index) => (
        <View key={index} className='sb-person'>
          <MultiChoiceField
            label={index === 0 ? '第 1 人（户主）的特殊情况' : `第 ${index + 1} 人的特殊情况`}
            hint='没有就不选'
            options={STATUS_OPTIONS}
            value={person.specialStatus}
            onChange={(specialStatus) =>
              onChange((current) => ({ ...current, people: current.people.map((other, i) => (i === index ? { specialStatus } : other)) }))
            }
          />
        </View>
      ))}

      <TextField
        label='旧房面积（平方米）'
        required
        type='digit'
        value={form.floorArea}
        placeholder='例如 96.5'
        maxlength={8}
        onChange={(value) => set('floorArea', value)}
        error={errors.floorArea}
      />

      <ChoiceField
        label='旧房拆除情况'
        required
        options={TIMING_OPTIONS}
        value={form.demolitionTiming}
        onChange={(value) => set('demolitionTiming', value)}
        error={errors.demolitionTiming}
      />
      {form.demolitionTiming === 'demolished' || form.demolitionTiming === 'planned' ? (
        <DateField
          label={form.demolitionTiming === 'demolished' ? '拆除日期' : '计划拆除日期'}
          required
          value={form.demolitionDate}
          onChange={(value) => set('demolitionDate', value)}
          error={errors.demolitionDate}
        />
      ) : null}

      <DateField
        label='搬迁日期（已搬或计划搬）'
        hint='还不知道可以不填'
        value={form.moveDate}
        onChange={(value) => set('moveDate', value)}
        onClear={form.moveDate ? () => set('moveDate', '') : undefined}
        error={errors.moveDate}
      />
    </View>
  );
}

type DateFieldProps = {
  label: string;
  hint?: string;
  required?: boolean;
  value: string;
  onChange: (value: string) => void;
  onClear?: () => void;
  error?: string;
};

function DateField({ label, hint, required, value, onChange, onClear, error }: DateFieldProps) {
  return (
    <Field label={label} hint={hint} required={required} error={error}>
      <Picker mode='date' value={value || chinaDate()} start='2020-01-01' end='2035-12-31' onChange={(event) => onChange(String(event.detail.value))}>
        <View className={classNames('sb-date', !value && 'sb-date--empty')}>
          <Text>{value || '点这里选择日期'}</Text>
        </View>
      </Picker>
      {onClear ? (
        <ActionButton variant='secondary' onClick={onClear}>
          清除日期
        </ActionButton>
      ) : null}
    </Field>
  );
}
