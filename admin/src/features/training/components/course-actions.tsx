import { App, Button, Flex, Input, Space, Typography } from 'antd';
import { COURSE_ACTION_LABELS, type CourseAction, type StaffCourse } from '@anqian/shared';
import { useCourseAction } from '@/features/training/api/change-course-status';

const CONFIRM: Record<Exclude<CourseAction, 'cancel'>, (course: StaffCourse) => string> = {
  publish: (course) => `发布后群众即可在小程序报名，${course.signupDeadline} 截止，招收 ${course.capacity} 人。`,
  close: () => '截止后群众不能再报名；已报名的仍可审核录取，候补仍可递补。',
  start: () => '开课后不能再改课程安排，学员不能再自行退出，可以开始记出勤。',
  finish: () => '结业后按结业条件确定结业学员，并通知他们；证书编号仍可补登。',
};

/** The course's state changes, each confirmed first; cancelling needs a reason the applicants see. */
export function CourseActions({ course, size = 'middle' }: { course: StaffCourse; size?: 'small' | 'middle' }) {
  const { modal, message } = App.useApp();
  const change = useCourseAction();

  const run = (action: CourseAction, reason?: string) =>
    change.mutateAsync({ id: course.id, action, reason }).then(
      () => void message.success(`已${COURSE_ACTION_LABELS[action]}`),
      (error: Error) => {
        void message.error(error.message);
        throw error;
      },
    );

  const confirm = (action: CourseAction) => {
    if (action !== 'cancel') {
      modal.confirm({ title: `${COURSE_ACTION_LABELS[action]}“${course.title}”？`, content: CONFIRM[action](course), okText: COURSE_ACTION_LABELS[action], onOk: () => run(action) });
      return;
    }
    let reason = '';
    modal.confirm({
      title: `取消“${course.title}”？`,
      content: (
        <Flex vertical gap={8}>
          <Typography.Text>已报名的 {course.admitted + course.waitlisted + course.pending} 人会看到取消原因。取消后不能恢复。</Typography.Text>
          <Input.TextArea aria-label="取消原因" maxLength={200} rows={3} placeholder="取消原因（必填）" onChange={(event) => (reason = event.target.value)} />
        </Flex>
      ),
      okText: '确认取消',
      okButtonProps: { danger: true },
      cancelText: '返回',
      onOk: async () => {
        if (reason.trim().length < 2) {
          void message.warning('请填写取消原因');
          throw new Error('reason required');
        }
        await run('cancel', reason.trim());
      },
    });
  };

  return (
    <Space size={size === 'small' ? 0 : 8} wrap>
      {course.allowedActions.map((action) => (
        <Button key={action} size={size} type={size === 'small' ? 'link' : action === 'cancel' ? 'default' : 'primary'} danger={action === 'cancel'} ghost={size !== 'small' && action !== 'cancel'} onClick={() => confirm(action)}>
          {COURSE_ACTION_LABELS[action]}
        </Button>
      ))}
    </Space>
  );
}
