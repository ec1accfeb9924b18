import { Form, Input, Select } from 'antd';
import { STAFF_ROLE_LABELS, STAFF_ROLES } from '@anqian/shared';
import { DivisionTreeSelect } from '@/components/division-tree-select';
import { FilterForm } from '@/components/filter-form';

export type StaffFilterValues = { q?: string; role?: string; status?: string; divisionCode?: string };

const ROLE_OPTIONS = STAFF_ROLES.map((role) => ({ value: role, label: STAFF_ROLE_LABELS[role] }));
const STATUS_OPTIONS = [
  { value: 'active', label: '正常' },
  { value: 'disabled', label: '已停用' },
];

export function StaffFilters({ values, onSearch }: { values: StaffFilterValues; onSearch: (values: StaffFilterValues) => void }) {
  return (
    <FilterForm name="staff-filters" label="筛选账号" values={values} onSearch={onSearch}>
      <Form.Item label="关键词" name="q">
        <Input placeholder="用户名或姓名" allowClear style={{ width: 180 }} />
      </Form.Item>
      <Form.Item label="角色" name="role">
        <Select placeholder="全部角色" allowClear options={ROLE_OPTIONS} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item label="状态" name="status">
        <Select placeholder="全部状态" allowClear options={STATUS_OPTIONS} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item label="区划" name="divisionCode">
        <DivisionTreeSelect placeholder="全县" allowClear style={{ width: 200 }} />
      </Form.Item>
    </FilterForm>
  );
}
