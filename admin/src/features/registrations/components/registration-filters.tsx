import { useEffect } from 'react';
import { Checkbox, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  HAZARD_TYPE_LABELS,
  HAZARD_TYPES,
  RESETTLEMENT_TYPE_LABELS,
  RESETTLEMENT_TYPES,
  WILLINGNESS,
  WILLINGNESS_LABELS,
} from '@anqian/shared';
import { DivisionTreeSelect } from '@/components/division-tree-select';
import { FilterActions } from '@/components/filter-actions';

export type RegistrationFilterValues = {
  divisionCode?: string;
  willingness?: string;
  resettlementType?: string;
  hazardType?: string;
  submittedFrom?: string;
  submittedTo?: string;
  q?: string;
  /** `'true'` shows only households registered more than once. */
  householdClash?: string;
  /** `'true'` shows only registrations the county can approve today (可审批). */
  approvable?: string;
};

type FormValues = Omit<RegistrationFilterValues, 'submittedFrom' | 'submittedTo' | 'householdClash' | 'approvable'> & {
  submitted?: [Dayjs | null, Dayjs | null];
  householdClash?: boolean;
  approvable?: boolean;
};

const DATE = 'YYYY-MM-DD';

const WILLINGNESS_OPTIONS = WILLINGNESS.map((value) => ({ value, label: WILLINGNESS_LABELS[value] }));
const RESETTLEMENT_OPTIONS = RESETTLEMENT_TYPES.map((value) => ({ value, label: RESETTLEMENT_TYPE_LABELS[value] }));
const HAZARD_OPTIONS = HAZARD_TYPES.map((value) => ({ value, label: HAZARD_TYPE_LABELS[value] }));

function toFormValues({ submittedFrom, submittedTo, householdClash, approvable, ...rest }: RegistrationFilterValues): FormValues {
  const from = submittedFrom ? dayjs(submittedFrom, DATE) : null;
  const to = submittedTo ? dayjs(submittedTo, DATE) : null;
  const hasRange = !!from?.isValid() || !!to?.isValid();
  return {
    ...rest,
    householdClash: householdClash === 'true',
    approvable: approvable === 'true',
    submitted: hasRange ? [from?.isValid() ? from : null, to?.isValid() ? to : null] : undefined,
  };
}

type Props = {
  values: RegistrationFilterValues;
  /** The signed-in user's division: the tree offers nothing outside it. */
  areaCode: string;
  onSearch: (values: RegistrationFilterValues) => void;
};

export function RegistrationFilters({ values, areaCode, onSearch }: Props) {
  const [form] = Form.useForm<FormValues>();

  // Back/forward navigation changes the URL; keep the visible filters in step with it.
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toFormValues(values));
  }, [form, values]);

  const submit = ({ submitted, q, householdClash, approvable, ...rest }: FormValues) =>
    onSearch({
      ...rest,
      q: q?.trim() || undefined,
      householdClash: householdClash ? 'true' : undefined,
      approvable: approvable ? 'true' : undefined,
      submittedFrom: submitted?.[0]?.format(DATE),
      submittedTo: submitted?.[1]?.format(DATE),
    });

  return (
    <Form form={form} name="registration-filters" layout="inline" aria-label="筛选搬迁登记" onFinish={submit} style={{ rowGap: 12 }}>
      <Form.Item label="区划" name="divisionCode">
        <DivisionTreeSelect rootCode={areaCode} placeholder="全部乡镇、村" allowClear style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label="搬迁意愿" name="willingness">
        <Select placeholder="全部" allowClear options={WILLINGNESS_OPTIONS} style={{ width: 110 }} />
      </Form.Item>
      <Form.Item label="安置方式" name="resettlementType">
        <Select placeholder="全部" allowClear options={RESETTLEMENT_OPTIONS} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item label="隐患类型" name="hazardType">
        <Select placeholder="全部" allowClear options={HAZARD_OPTIONS} style={{ width: 130 }} />
      </Form.Item>
      <Form.Item label="提交日期" name="submitted">
        <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 250 }} />
      </Form.Item>
      <Form.Item label="关键词" name="q">
        <Input placeholder="户主姓名或身份证后 4 位" allowClear maxLength={30} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="householdClash" valuePropName="checked">
        <Checkbox>只看同户多次登记</Checkbox>
      </Form.Item>
      <Form.Item name="approvable" valuePropName="checked">
        <Checkbox>可审批（公示期满、无未处理异议）</Checkbox>
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
