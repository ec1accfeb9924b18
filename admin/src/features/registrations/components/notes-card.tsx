import { App, Button, Card, Flex, Form, Input, Tag, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { internalNoteBodySchema, STAFF_ROLE_LABELS, STAFF_ROLES, type InternalNote } from '@anqian/shared';
import { ErrorAlert } from '@/components/error-alert';
import { formatDateTime } from '@/lib/format';
import { useSubmitError, zodRule } from '@/lib/form';
import { useAddNote } from '@/features/registrations/api/add-note';

type Values = { text: string };
const FIELDS = ['text'] as const;

function roleLabel(role: string): string {
  const known = STAFF_ROLES.find((candidate) => candidate === role);
  return known ? STAFF_ROLE_LABELS[known] : role;
}

export function NotesCard({ registrationId, notes }: { registrationId: string; notes: InternalNote[] }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const addNote = useAddNote();
  const submitError = useSubmitError(form, FIELDS);

  const submit = ({ text }: Values) => {
    submitError.clear();
    addNote.mutate(
      { id: registrationId, body: { text: text.trim() } },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success('备注已添加');
        },
        onError: submitError.onError,
      },
    );
  };

  return (
    <Card
      title="内部备注"
      extra={
        <Tag icon={<LockOutlined />} color="default">
          仅工作人员可见
        </Tag>
      }
    >
      <Flex vertical gap={16}>
        {notes.length === 0 ? (
          <Typography.Text type="secondary">还没有备注</Typography.Text>
        ) : (
          notes.map((note) => (
            <div key={note.id}>
              <Typography.Text type="secondary">
                {note.authorName}（{roleLabel(note.authorRole)}） · {formatDateTime(note.at)}
              </Typography.Text>
              <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{note.text}</Typography.Paragraph>
            </div>
          ))
        )}
        <ErrorAlert error={submitError.error} title="备注未保存" />
        <Form<Values> form={form} name="note-form" onFinish={submit} layout="vertical" requiredMark={false}>
          <Form.Item
            label="添加备注"
            name="text"
            extra="备注不会告知居民"
            rules={[{ required: true, whitespace: true, message: '请填写备注内容' }, zodRule(internalNoteBodySchema.shape.text)]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
          <Flex justify="flex-end">
            <Button type="primary" htmlType="submit" loading={addNote.isPending}>
              添加备注
            </Button>
          </Flex>
        </Form>
      </Flex>
    </Card>
  );
}
