import { Form, Input, Select } from 'antd';
import { CONSTRUCTION_STATUS_LABELS, CONSTRUCTION_STATUSES } from '@anqian/shared';
import { DivisionTreeSelect } from '@/components/division-tree-select';
import { FilterForm } from '@/components/filter-form';

const STATUS_OPTIONS = CONSTRUCTION_STATUSES.map((value) => ({ value, label: CONSTRUCTION_STATUS_LABELS[value] }));

export type SiteFilterValues = { townshipCode?: string; constructionStatus?: string; q?: string };

export function SiteFilters({ values, onSearch }: { values: SiteFilterValues; onSearch: (values: SiteFilterValues) => void }) {
  return (
    <FilterForm name="site-filters" label="筛选安置点" values={values} onSearch={onSearch}>
      <Form.Item label="乡镇" name="townshipCode">
        <DivisionTreeSelect level="township" placeholder="全部乡镇" allowClear style={{ width: 180 }} />
      </Form.Item>
      <Form.Item label="建设状态" name="constructionStatus">
        <Select placeholder="全部" allowClear options={STATUS_OPTIONS} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item label="名称" name="q">
        <Input placeholder="安置点名称" allowClear maxLength={50} style={{ width: 180 }} />
      </Form.Item>
    </FilterForm>
  );
}
