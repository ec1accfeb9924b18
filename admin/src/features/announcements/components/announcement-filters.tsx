import { Form, Input, Select } from 'antd';
import { ANNOUNCEMENT_STATUS_LABELS, ANNOUNCEMENT_TYPE_LABELS, ANNOUNCEMENT_TYPES, ANNOUNCEMENT_VIEW_STATUSES } from '@anqian/shared';
import { DivisionTreeSelect } from '@/components/division-tree-select';
import { FilterForm } from '@/components/filter-form';
import { useCurrentSession } from '@/lib/auth';

const TYPE_OPTIONS = ANNOUNCEMENT_TYPES.map((value) => ({ value, label: ANNOUNCEMENT_TYPE_LABELS[value] }));
const STATUS_OPTIONS = ANNOUNCEMENT_VIEW_STATUSES.map((value) => ({ value, label: ANNOUNCEMENT_STATUS_LABELS[value] }));

export type AnnouncementFilterValues = { type?: string; status?: string; divisionCode?: string; q?: string };

export function AnnouncementFilters({ values, onSearch }: { values: AnnouncementFilterValues; onSearch: (values: AnnouncementFilterValues) => void }) {
  const { user } = useCurrentSession();
  return (
    <FilterForm name="announcement-filters" label="筛选通知公告" values={values} onSearch={onSearch}>
      <Form.Item label="类型" name="type">
        <Select placeholder="全部类型" allowClear options={TYPE_OPTIONS} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item label="状态" name="status">
        <Select placeholder="全部" allowClear options={STATUS_OPTIONS} style={{ width: 110 }} />
      </Form.Item>
      <Form.Item label="范围" name="divisionCode">
        <DivisionTreeSelect rootCode={user.divisionCode} placeholder="本辖区全部" allowClear style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label="标题" name="q">
        <Input placeholder="标题中的字词" allowClear maxLength={30} style={{ width: 180 }} />
      </Form.Item>
    </FilterForm>
  );
}
