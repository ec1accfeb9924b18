import { Alert, App, Button, Flex, Form, Input, Modal } from 'antd';
import { reasonBodySchema } from '@anqian/shared';
import { ErrorAlert } from '@/components/error-alert';
import { useSubmitError, zodRule } from '@/lib/form';
import { useRejectRegistration } from '@/features/registrations/api/reject-registration';
import { useReturnRegistration } from '@/features/registrations/api/return-registration';

type Values = { reason: string };
const FIELDS = ['reason'] as const;

export type ReasonAction = 'return' | 'reject';

const TEXT = {
  return: {
    title: '退回补正',
    hint: '退回原因将告知居民，请写明需要补充或更正的内容，居民修改后可重新提交。',
    confirm: '确认退回补正？',
    done: '已退回补正，居民会看到退回原因',
    placeholder: '例如：家庭成员身份证号与户口簿不一致，请核对后重新提交',
  },
  reject: {
    title: '不予通过',
    hint: '不予通过的原因将告知居民。登记将就此结束，居民以后可以重新登记。',
    confirm: '确认不予通过？',
    done: '已作出不予通过决定，居民会看到原因',
    placeholder: '例如：经核实，房屋不在地质灾害隐患点影响范围内',
  },
} as const;

type Props = { registrationId: string; headName: string; action: ReasonAction | null; onClose: () => void };

export function ReasonModal({ registrationId, headName, action, onClose }: Props) {
  return (
    <Modal open={action !== null} title={action ? TEXT[action].title : ''} onCancel={onClose} footer={null} destroyOnHidden maskClosable={false}>
      {action && <ReasonForm registrationId={registrationId} headName={headName} action={action} onClose={onClose} />}
    </Modal>
  );
}

function ReasonForm({ registrationId, headName, action, onClose }: { registrationId: string; headName: string; action: ReasonAction; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message, modal } = App.useApp();
  const returnRegistration = useReturnRegistration();
  const rejectRegistration = useRejectRegistration();
  const mutation = action === 'return' ? returnRegistration : rejectRegistration;
  const submitError = useSubmitError(form, FIELDS);
  const text = TEXT[action];

  const submit = ({ reason }: Values) =>
    modal.confirm({
      title: text.confirm,
      content: `${headName}户将收到以下原因：${reason.trim()}`,
      okText: text.title,
      okButtonProps: { danger: action === 'reject' },
      cancelText: '再想想',
      onOk: () => {
        submitError.clear();
        mutation.mutate(
          { id: registrationId, body: { reason: reason.trim() } },
          {
            onSuccess: () => {
              void message.success(text.done);
              onClose();
            },
            onError: submitError.onError,
          },
        );
      },
    });

  return (
    <>
      <Alert type="warning" showIcon title="将告知居民" description={text.hint} style={{ marginBottom: 16 }} />
      <ErrorAlert error={submitError.error} title={`${text.title}未完成`} />
      <Form<Values> form={form} name={`${action}-form`} layout="vertical" onFinish={submit}>
        <Form.Item label="原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写原因' }, zodRule(reasonBodySchema.shape.reason)]}>
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={text.placeholder} />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" danger={action === 'reject'} htmlType="submit" loading={mutation.isPending}>
            {text.title}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
