import { useMemo, useState } from 'react';
import { Select } from 'antd';
import { useCitedPolicy, usePolicyChoices } from '@/features/subsidies/api/policy-choices';

type Props = {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  disabled?: boolean;
  status?: 'error';
};

const label = (policy: { title: string; documentNumber: string }) => (policy.documentNumber ? `${policy.documentNumber} ${policy.title}` : policy.title);

/** Chooses the published policy document an item comes from. */
export function PolicyPicker({ id, value, onChange, disabled, status }: Props) {
  const [search, setSearch] = useState('');
  const choices = usePolicyChoices(search);
  const cited = useCitedPolicy(value);

  const options = useMemo(() => {
    const found = (choices.data?.items ?? []).map((policy) => ({ value: policy.id, label: label(policy) }));
    if (cited.data && !found.some((option) => option.value === cited.data.id)) {
      const suffix = cited.data.status === 'published' ? '' : '（已归档）';
      found.unshift({ value: cited.data.id, label: `${label(cited.data)}${suffix}` });
    }
    return found;
  }, [choices.data, cited.data]);

  return (
    <Select
      id={id}
      value={value}
      onChange={(next?: string) => onChange?.(next)}
      disabled={disabled}
      status={status}
      options={options}
      loading={choices.isFetching}
      placeholder="选择依据的政策文件"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={choices.isError ? '政策文件加载失败' : '没有匹配的已发布文件'}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
