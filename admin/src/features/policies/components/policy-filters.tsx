import { Form, Input, Select } from 'antd';
import { POLICY_CATEGORIES, POLICY_CATEGORY_LABELS, POLICY_STATUSES, POLICY_STATUS_LABELS } from '@anqian/shared';
import { FilterForm } from '@/components/filter-form';

const CATEGORY_OPTIONS = POLICY_CATEGORIES.map((value) => ({ value, label: POLICY_CATEGORY_LABELS[value] }));
const STATUS_OPTIONS = POLICY_STATUSES.map((value) => ({ value, label: POLICY_STATUS_LABELS[value] }));

export type PolicyFilterValues = { category?: string; status?: string; q?: string };

export function PolicyFilters({ values, onSearch }: { values: PolicyFilterValues; onSearch: (values: PolicyFilterValues) => void }) {
  return (
    <FilterForm name="policy-filters" label="筛选政策文件" values={values} onSearch={onSearch}>
      <Form.Item label="类别" name="category">
        <Select placeholder="全部类别" allowClear options={CATEGORY_OPTIONS} style={{ width: 130 }} />
      </Form.Item>
      <Form.Item label="状态" name="status">
        <Select placeholder="全部" allowClear options={STATUS_OPTIONS} style={{ width: 110 }} />
      </Form.Item>
      <Form.Item label="关键词" name="q">
        <Input placeholder="标题、文号、正文" allowClear maxLength={50} style={{ width: 220 }} />
      </Form.Item>
    </FilterForm>
  );
}
