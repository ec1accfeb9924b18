import { Select } from 'antd';
import { useDivisions } from '@/lib/divisions';

type Props = {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  disabled?: boolean;
};

/** A policy belongs to the county or to one township, never to a village. */
export function OwnerSelect({ id, value, onChange, disabled }: Props) {
  const divisions = useDivisions();
  const county = divisions.data;
  const options = county
    ? [
        { label: '县级', options: [{ value: county.code, label: county.name }] },
        { label: '乡镇', options: county.children.map((township) => ({ value: township.code, label: township.name })) },
      ]
    : [];
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      disabled={disabled}
      options={options}
      loading={divisions.isLoading}
      status={divisions.isError ? 'error' : undefined}
      placeholder={divisions.isError ? '区划加载失败，请刷新重试' : '请选择发布单位'}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}
