import { useEffect } from 'react';
import { Form, Input, Select } from 'antd';
import { CONSTRUCTION_STATUS_LABELS, CONSTRUCTION_STATUSES } from '@anqian/shared';
import { DivisionTreeSelect } from '@/components/division-tree-select';
import { FilterActions } from '@/components/filter-actions';

const STATUS_OPTIONS = CONSTRUCTION_STATUSES.map((value) => ({ value, label: CONSTRUCTION_STATUS_LABELS[value] }));

export type SiteFilterValues = { townshipCode?: string; constructionStatus?: string; q?: string };

export function SiteFilters({ values, onSearch }: { values: SiteFilterValues; onSearch: (values: SiteFilterValues) => void }) {
  const [form] = Form.useForm<SiteFilterValues>();
  useEffect(() => {
    form.setFieldsValue({ townshipCode: values.townshipCode, constructionStatus: values.constructionStatus, q: values.q });
  }, [form, values]);

  return (
    <Form
      form={form}
      name="site-filters"
      layout="inline"
      aria-label="筛选安置点"
      onFinish={(next) => onSearch({ ...next, q: next.q?.trim() || undefined })}
      style={{ rowGap: 12 }}
    >
      <Form.Item label="乡镇" name="townshipCode">
        <DivisionTreeSelect level="township" placeholder="全部乡镇" allowClear style={{ width: 180 }} />
      </Form.Item>
      <Form.Item label="建设状态" name="constructionStatus">
        <Select placeholder="全部" allowClear options={STATUS_OPTIONS} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item label="名称" name="q">
        <Input placeholder="安置点名称" allowClear maxLength={50} style={{ width: 180 }} />
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

