import { App, Button, Flex, Form, Input, Modal } from 'antd';
import { acceptBodySchema } from '@anqian/shared';
import { ErrorAlert } from '@/components/error-alert';
import { useSubmitError, zodRule } from '@/lib/form';
import { useAcceptRegistration } from '@/features/registrations/api/accept-registration';

type Values = { note?: string };
const FIELDS = ['note'] as const;

type Props = { registrationId: string; headName: string; open: boolean; onClose: () => void };

export function AcceptModal({ registrationId, headName, open, onClose }: Props) {
  return (
    <Modal open={open} title="受理登记" onCancel={onClose} footer={null} destroyOnHidden maskClosable={false}>
      <AcceptForm registrationId={registrationId} headName={headName} onClose={onClose} />
    </Modal>
  );
}

function AcceptForm({ registrationId, headName, onClose }: Omit<Props, 'open'>) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const accept = useAcceptRegistration();
  const submitError = useSubmitError(form, FIELDS);

  const submit = ({ note }: Values) => {
    submitError.clear();
    accept.mutate(
      { id: registrationId, body: { note: note?.trim() || undefined } },
      {
        onSuccess: () => {
          void message.success(`已受理${headName}户的登记`);
          onClose();
        },
        onError: submitError.onError,
      },
    );
  };

  return (
    <>
      <ErrorAlert error={submitError.error} title="受理未完成" />
      <Form<Values> form={form} name="accept-form" layout="vertical" onFinish={submit}>
        <Form.Item label="受理备注" name="note" extra="选填，居民可以看到" rules={[zodRule(acceptBodySchema.shape.note.unwrap(), { optional: true })]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={accept.isPending}>
            确认受理
          </Button>
        </Flex>
      </Form>
    </>
  );
}
