import { useEffect, type ReactNode } from 'react';
import { Form } from 'antd';
import { FilterActions } from './filter-actions';

type Props<T> = {
  /** Form name, also the prefix of its fields' ids. */
  name: string;
  label: string;
  /** The filters in the URL; back/forward navigation changes them, and the form follows. */
  values: T;
  onSearch: (values: T) => void;
  children: ReactNode;
};

/** A list page's inline filter form: the fields, then 查询 / 重置; a typed keyword `q` is trimmed. */
export function FilterForm<T extends { q?: string }>({ name, label, values, onSearch, children }: Props<T>) {
  const [form] = Form.useForm<T>();
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, values]);

  return (
    <Form form={form} name={name} layout="inline" aria-label={label} onFinish={(next) => onSearch({ ...next, q: next.q?.trim() || undefined })} style={{ rowGap: 12 }}>
      {children}
      <FilterActions
        onReset={() => {
          form.resetFields();
          onSearch({} as T);
        }}
      />
    </Form>
  );
}
