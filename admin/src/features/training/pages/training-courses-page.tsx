import { useMemo, useState } from 'react';
import { Button, Card, Flex, Form, Select, Space, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { COURSE_STATUS_LABELS, COURSE_STATUSES, HR_ROLES, type StaffCourse, TRAINING_CATEGORIES, TRAINING_CATEGORY_LABELS } from '@anqian/shared';
import { FilterForm } from '@/components/filter-form';
import { ListTable } from '@/components/list-table';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useListParams } from '@/lib/use-list-params';
import { useCourseList } from '@/features/training/api/list-courses';
import { CourseActions } from '@/features/training/components/course-actions';
import { CourseFormDrawer, type CourseFormTarget } from '@/features/training/components/course-form-drawer';
import { CourseStatusTag } from '@/features/training/components/status-tags';

const FILTER_KEYS = ['status', 'category'] as const;

export function TrainingCoursesPage() {
  useDocumentTitle('技能培训');
  const session = useCurrentSession();
  const list = useListParams(FILTER_KEYS);
  const canManage = hasRole(session, HR_ROLES);
  const { filters } = list;
  const values = useMemo(
    () => ({
      status: COURSE_STATUSES.find((status) => status === filters.status),
      category: TRAINING_CATEGORIES.find((category) => category === filters.category),
      q: undefined,
    }),
    [filters],
  );
  const courses = useCourseList({ page: list.page, pageSize: list.pageSize, status: values.status, category: values.category });
  const [formTarget, setFormTarget] = useState<CourseFormTarget | null>(null);

  const columns: TableColumnsType<StaffCourse> = [
    {
      title: '培训班',
      dataIndex: 'title',
      render: (title: string, course) => (
        <Flex vertical>
          <Link to={`/training/${course.id}`}>
            <Typography.Text strong>{title}</Typography.Text>
          </Link>
          <Typography.Text type="secondary">{`${course.categoryLabel} · ${course.provider}`}</Typography.Text>
        </Flex>
      ),
    },
    { title: '上课时间', key: 'dates', width: 190, render: (_value, course) => `${course.firstDate} 至 ${course.lastDate}（${course.sessions.length} 次）` },
    { title: '地点', key: 'place', width: 200, ellipsis: { showTitle: true }, render: (_value, course) => `${course.divisionName} ${course.address}` },
    { title: '录取 / 招收', key: 'admitted', width: 110, render: (_value, course) => `${course.admitted} / ${course.capacity}${course.waitlisted ? `（候补 ${course.waitlisted}）` : ''}` },
    { title: '报名截止', dataIndex: 'signupDeadline', width: 110 },
    { title: '状态', key: 'status', width: 90, render: (_value, course) => <CourseStatusTag course={course} /> },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      width: 260,
      render: (_value, course) => (
        <Space size={0} wrap>
          <Link to={`/training/${course.id}`}>
            <Button type="link" size="small">{course.status === 'running' ? '出勤与结业' : '查看'}</Button>
          </Link>
          {canManage && !['finished', 'cancelled'].includes(course.status) && (
            <Button type="link" size="small" onClick={() => setFormTarget({ mode: 'edit', course })}>编辑</Button>
          )}
          {canManage && <CourseActions course={course} size="small" />}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="技能培训"
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })}>
            新建培训班
          </Button>
        )
      }
    >
      <FilterForm
        name="course-filters"
        label="筛选培训班"
        values={values}
        onSearch={(next) => {
          if (!list.setFilters(next)) void courses.refetch();
        }}
      >
        <Form.Item label="状态" name="status">
          <Select allowClear placeholder="全部" style={{ width: 140 }} options={COURSE_STATUSES.map((value) => ({ value, label: COURSE_STATUS_LABELS[value] }))} />
        </Form.Item>
        <Form.Item label="类别" name="category">
          <Select allowClear placeholder="全部" style={{ width: 140 }} options={TRAINING_CATEGORIES.map((value) => ({ value, label: TRAINING_CATEGORY_LABELS[value] }))} />
        </Form.Item>
      </FilterForm>
      <ListTable<StaffCourse>
        query={courses}
        list={list}
        errorTitle="培训班加载失败"
        empty={{ filtered: '没有符合条件的培训班', none: '还没有培训班' }}
        totalLabel={(total) => `共 ${total} 个培训班`}
        columns={columns}
        scroll={{ x: 1200 }}
      />
      {canManage && <CourseFormDrawer target={formTarget} onClose={() => setFormTarget(null)} />}
    </Card>
  );
}
