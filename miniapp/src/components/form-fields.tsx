import { Input, Text, Textarea, View, type InputProps } from '@tarojs/components';
import type { ReactNode } from 'react';
import { classNames } from '@/lib/class-names';
import './form-fields.scss';

type FieldProps = { label: string; required?: boolean; hint?: string; error?: string; children: ReactNode };

/** Label above, the message in red below: one column, nothing beside the input to squeeze it. */
export function Field({ label, required, hint, error, children }: FieldProps) {
  return (
    <View className={classNames('rg-field', error && 'rg-field--error')}>
      <Text className='rg-field__label'>
        {label}
        {required ? <Text className='rg-field__required'>（必填）</Text> : null}
      </Text>
      {hint ? <Text className='rg-field__hint'>{hint}</Text> : null}
      {children}
      {error ? <Text className='rg-field__error'>{error}</Text> : null}
    </View>
  );
}

type TextFieldProps = Omit<FieldProps, 'children'> & {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  placeholder: string;
  type?: InputProps['type'];
  password?: boolean;
  maxlength?: number;
};

export function TextField({ value, onChange, onBlur, placeholder, type = 'text', password, maxlength, ...field }: TextFieldProps) {
  return (
    <Field {...field}>
      <Input
        className='rg-input'
        value={value}
        type={type}
        password={password}
        placeholder={placeholder}
        placeholderClass='rg-input__placeholder'
        maxlength={maxlength ?? 140}
        onInput={(event) => onChange(event.detail.value)}
        onBlur={onBlur}
      />
    </Field>
  );
}

export function TextAreaField({ value, onChange, onBlur, placeholder, maxlength, ...field }: Omit<TextFieldProps, 'type' | 'password'>) {
  return (
    <Field {...field}>
      <Textarea
        className='rg-textarea'
        value={value}
        placeholder={placeholder}
        placeholderClass='rg-input__placeholder'
        maxlength={maxlength ?? 500}
        onInput={(event) => onChange(event.detail.value)}
        onBlur={onBlur}
      />
    </Field>
  );
}

export type Option<T extends string> = { value: T; label: string; hint?: string };

type ChoiceProps<T extends string> = Omit<FieldProps, 'children'> & {
  options: readonly Option<T>[];
  value: T | '';
  onChange: (value: T) => void;
};

/** Every option on screen as a large chip: easier than a scroll wheel for older residents. */
export function ChoiceField<T extends string>({ options, value, onChange, ...field }: ChoiceProps<T>) {
  return (
    <Field {...field}>
      <View className='rg-chips'>
        {options.map((option) => (
          <Chip key={option.value} option={option} on={option.value === value} onTap={() => onChange(option.value)} />
        ))}
      </View>
    </Field>
  );
}

type MultiChoiceProps<T extends string> = Omit<FieldProps, 'children'> & {
  options: readonly Option<T>[];
  value: readonly T[];
  onChange: (value: T[]) => void;
};

export function MultiChoiceField<T extends string>({ options, value, onChange, ...field }: MultiChoiceProps<T>) {
  const toggle = (option: T) =>
    onChange(value.includes(option) ? value.filter((item) => item !== option) : [...value, option]);
  return (
    <Field {...field}>
      <View className='rg-chips'>
        {options.map((option) => (
          <Chip key={option.value} option={option} on={value.includes(option.value)} onTap={() => toggle(option.value)} />
        ))}
      </View>
    </Field>
  );
}

function Chip<T extends string>({ option, on, onTap }: { option: Option<T>; on: boolean; onTap: () => void }) {
  return (
    <View className={classNames('rg-chip', on && 'rg-chip--on', option.hint && 'rg-chip--wide')} onClick={onTap}>
      <Text className='rg-chip__label'>
        {on ? '✓ ' : ''}
        {option.label}
      </Text>
      {option.hint ? <Text className='rg-chip__hint'>{option.hint}</Text> : null}
    </View>
  );
}

/** Labels from the shared `*_LABELS` records as chip options, in the order of the value list. */
export function optionsOf<T extends string>(values: readonly T[], labels: Record<T, string>): Option<T>[] {
  return values.map((value) => ({ value, label: labels[value] }));
}
