import { Button, Form, Input } from 'antd';
import { passwordProblems, type StaffSession } from '@anqian/shared';
import { isApiError } from '@/lib/api-client';
import { useChangePassword } from '@/lib/auth';
import { applyServerFieldErrors } from '@/lib/form';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

const FIELDS = ['currentPassword', 'newPassword'] as const;

type Props = {
  username: string;
  onSuccess: (session: StaffSession) => void;
};

export function ChangePasswordForm({ username, onSuccess }: Props) {
  const [form] = Form.useForm<Values>();
  const changePassword = useChangePassword();

  const submit = (values: Values) => {
    changePassword.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: (session) => {
          form.resetFields();
          onSuccess(session);
        },
        onError: (error) => {
          if (isApiError(error, 'CURRENT_PASSWORD_WRONG')) {
            form.setFields([{ name: 'currentPassword', errors: [error.message] }]);
          } else if (isApiError(error, 'PASSWORD_REUSED')) {
            form.setFields([{ name: 'newPassword', errors: [error.message] }]);
          } else if (isApiError(error, 'VALIDATION_FAILED') && !applyServerFieldErrors(form, error, FIELDS)) {
            form.setFields([{ name: 'newPassword', errors: [error.message] }]);
          }
        },
      },
    );
  };

  return (
    <Form form={form} name="change-password" layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 420 }}>
      <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        extra="至少 8 位，包含大写字母、小写字母、数字、符号中的至少 3 类；不能包含用户名，不能与最近 5 次用过的密码相同。"
        dependencies={['currentPassword']}
        rules={[
          { required: true, message: '请输入新密码' },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (!value) return;
              const problems = passwordProblems(value, username);
              if (problems.length > 0) throw new Error(`新密码${problems.join('；')}`);
              if (value === getFieldValue('currentPassword')) throw new Error('新密码不能与当前密码相同');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再输入一次新密码' },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" loading={changePassword.isPending}>
          确认修改
        </Button>
      </Form.Item>
    </Form>
  );
}
