import { useEffect } from 'react';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ACTION_OPTIONS } from '@/features/audit/components/audit-actions';
import { FilterActions } from '@/components/filter-actions';

export type AuditFilterValues = { actor?: string; action?: string; result?: string; from?: string; to?: string };

type FormValues = { actor?: string; action?: string; result?: string; range?: [Dayjs | null, Dayjs | null] };

const DATE = 'YYYY-MM-DD';

const RESULT_OPTIONS = [
  { value: 'success', label: '成功' },
  { value: 'failure', label: '失败' },
];

const RANGE_PRESETS: { label: string; value: [Dayjs, Dayjs] }[] = [
  { label: '今天', value: [dayjs().startOf('day'), dayjs().endOf('day')] },
  { label: '最近 7 天', value: [dayjs().subtract(6, 'day').startOf('day'), dayjs().endOf('day')] },
  { label: '最近 30 天', value: [dayjs().subtract(29, 'day').startOf('day'), dayjs().endOf('day')] },
];

function toFormValues(values: AuditFilterValues): FormValues {
  const from = values.from ? dayjs(values.from, DATE) : null;
  const to = values.to ? dayjs(values.to, DATE) : null;
  return {
    actor: values.actor,
    action: values.action,
    result: values.result,
    range: from?.isValid() || to?.isValid() ? [from?.isValid() ? from : null, to?.isValid() ? to : null] : undefined,
  };
}

type Props = {
  values: AuditFilterValues;
  onSearch: (values: AuditFilterValues) => void;
};

export function AuditFilters({ values, onSearch }: Props) {
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    form.setFieldsValue(toFormValues(values));
  }, [form, values]);

  const submit = ({ actor, action, result, range }: FormValues) =>
    onSearch({
      actor: actor?.trim() || undefined,
      action: action?.trim() || undefined,
      result,
      from: range?.[0]?.format(DATE),
      to: range?.[1]?.format(DATE),
    });

  return (
    <Form form={form} name="audit-filters" layout="inline" aria-label="筛选审计日志" onFinish={submit} style={{ rowGap: 12 }}>
      <Form.Item label="操作人" name="actor">
        <Input placeholder="用户名或姓名" allowClear style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label="操作" name="action">
        <Select
          placeholder="全部操作"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={ACTION_OPTIONS}
          style={{ width: 180 }}
        />
      </Form.Item>
      <Form.Item label="结果" name="result">
        <Select placeholder="全部" allowClear options={RESULT_OPTIONS} style={{ width: 100 }} />
      </Form.Item>
      <Form.Item label="时间" name="range">
        <DatePicker.RangePicker presets={RANGE_PRESETS} allowEmpty={[true, true]} />
      </Form.Item>
      <FilterActions
        onReset={() => {
          form.resetFields();
          onSearch({});
        }}
      />
    </Form>
  );
}
