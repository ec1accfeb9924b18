import { App, Button, DatePicker, Flex, Form, Input, Modal, Select, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  EMPLOYMENT_SOURCE_LABELS,
  EMPLOYMENT_STATUS_LABELS,
  EMPLOYMENT_STATUSES,
  type EmploymentHousehold,
  type EmploymentMember,
  type EmploymentStatus,
} from '@anqian/shared';
import { ErrorAlert } from '@/components/error-alert';
import { formatDateTime } from '@/lib/format';
import { useSubmitError } from '@/lib/form';
import { useSetMemberStatus } from '@/features/employment/api/set-member-status';

export type MemberTarget = { household: EmploymentHousehold; member: EmploymentMember };

type Values = { status: EmploymentStatus; date: Dayjs; note?: string };

const FIELDS = ['status', 'date', 'note'] as const;
const STATUS_OPTIONS = EMPLOYMENT_STATUSES.map((value) => ({ value, label: EMPLOYMENT_STATUS_LABELS[value] }));

export function MemberStatusModal({ target, onClose }: { target: MemberTarget | null; onClose: () => void }) {
  return (
    <Modal open={target !== null} title="登记就业状态" onCancel={onClose} footer={null} maskClosable={false} destroyOnHidden width={560}>
      {target && <MemberStatusForm target={target} onClose={onClose} />}
    </Modal>
  );
}

function MemberStatusForm({ target, onClose }: { target: MemberTarget; onClose: () => void }) {
  const { household, member } = target;
  const [form] = Form.useForm<Values>();
  const { message, modal } = App.useApp();
  const save = useSetMemberStatus();
  const submitError = useSubmitError(form, FIELDS);

  const submit = (values: Values) => {
    submitError.clear();
    const body = { status: values.status, date: values.date.format('YYYY-MM-DD'), note: values.note?.trim() ?? '' };
    const was = member.status ? EMPLOYMENT_STATUS_LABELS[member.status] : '未登记';
    modal.confirm({
      title: '确认修改就业状态？',
      content: `${household.headName}户 ${member.name}：${was} → ${EMPLOYMENT_STATUS_LABELS[body.status]}（${body.date} 起）。修改会记入审计日志。`,
      okText: '确认修改',
      cancelText: '再看看',
      onOk: () =>
        save.mutateAsync({ householdId: household.id, memberKey: member.key, body }).then(
          () => {
            void message.success(`已登记 ${member.name} 的就业状态`);
            onClose();
          },
          (error: unknown) => submitError.onError(error),
        ),
    });
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Text>
        {household.townshipName}
        {household.villageName} · {household.headName}户 · <Typography.Text strong>{member.name}</Typography.Text>（{member.age} 岁）
      </Typography.Text>
      <ErrorAlert error={submitError.error} title="保存未完成" />
      <Form<Values>
        form={form}
        name="member-status-form"
        layout="vertical"
        onFinish={submit}
        initialValues={{ status: member.status ?? undefined, date: dayjs(), note: '' }}
      >
        <Form.Item label="就业状态" name="status" rules={[{ required: true, message: '请选择就业状态' }]}>
          <Select options={STATUS_OPTIONS} placeholder="请选择" />
        </Form.Item>
        <Form.Item label="从哪天起" name="date" rules={[{ required: true, message: '请选择日期' }]} extra="不能晚于今天">
          <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item label="备注" name="note" rules={[{ max: 100, message: '备注最多 100 个字' }]}>
          <Input placeholder="如：在县城工业园区电子厂上班" maxLength={100} showCount />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存
          </Button>
        </Flex>
      </Form>
      {member.history.length > 0 && (
        <div>
          <Typography.Title level={5}>变更记录</Typography.Title>
          <Timeline
            items={[...member.history].reverse().map((event, index) => ({
              key: index,
              children: (
                <Flex vertical>
                  <Typography.Text>
                    {EMPLOYMENT_STATUS_LABELS[event.status]}（{event.date} 起）· {EMPLOYMENT_SOURCE_LABELS[event.source]}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {event.by} · {formatDateTime(event.at)}
                    {event.note && ` · ${event.note}`}
                  </Typography.Text>
                </Flex>
              ),
            }))}
          />
        </div>
      )}
    </Flex>
  );
}
