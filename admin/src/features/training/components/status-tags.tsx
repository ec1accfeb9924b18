import { Tag } from 'antd';
import { TRAINING_APPLICATION_STATUS_LABELS, type CourseStatus, type StaffCourse, type TrainingApplicationStatus } from '@anqian/shared';

const COURSE_COLORS: Record<CourseStatus, string> = { draft: 'default', published: 'processing', closed: 'orange', running: 'green', finished: 'purple', cancelled: 'red' };

export function CourseStatusTag({ course }: { course: Pick<StaffCourse, 'status' | 'statusLabel'> }) {
  return <Tag color={COURSE_COLORS[course.status]}>{course.statusLabel}</Tag>;
}

const APPLICATION_COLORS: Record<TrainingApplicationStatus, string> = { pending: 'gold', confirmed: 'green', waitlisted: 'blue', rejected: 'red', cancelled: 'default', removed: 'volcano' };

export function ApplicationStatusTag({ status, position }: { status: TrainingApplicationStatus; position?: number | null }) {
  return <Tag color={APPLICATION_COLORS[status]}>{TRAINING_APPLICATION_STATUS_LABELS[status]}{status === 'waitlisted' && position ? ` 第 ${position} 位` : ''}</Tag>;
}
