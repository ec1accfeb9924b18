import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import type { LoginBody } from '@anqian/shared';
import { isApiError } from '@/lib/api-client';
import { safeRedirectTarget, useLogin, useSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';
import { AuthCard } from '@/features/auth/components/auth-card';

export function LoginPage() {
  useDocumentTitle('登录');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const target = safeRedirectTarget(params.get('redirect'));

  if (session.data && !login.isPending) {
    return <Navigate to={session.data.passwordChangeRequired ? withRedirect('/change-password', target) : target} replace />;
  }

  const submit = (values: LoginBody) => {
    login.mutate(values, {
      onSuccess: (next) => {
        void navigate(next.passwordChangeRequired ? withRedirect('/change-password', target) : target, { replace: true });
      },
    });
  };

  const error = login.error;
  const errorType = isApiError(error) && (error.code === 'ACCOUNT_LOCKED' || error.code === 'RATE_LIMITED') ? 'warning' : 'error';

  return (
    <AuthCard>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0, textAlign: 'center' }}>
          安迁通管理后台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          避险搬迁服务平台 · 工作人员登录
        </Typography.Paragraph>
        {error && (
          <Alert
            role="alert"
            type={errorType}
            showIcon
            title={isApiError(error) ? error.message : '登录失败，请稍后再试'}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<LoginBody> name="login" layout="vertical" onFinish={submit} requiredMark={false} disabled={login.isPending}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
              登录
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
          连续输错 5 次密码，账号将锁定 15 分钟。忘记密码请联系县级管理员重置。
        </Typography.Paragraph>
      </Card>
    </AuthCard>
  );
}

function withRedirect(path: string, target: string): string {
  return target === '/' ? path : `${path}?redirect=${encodeURIComponent(target)}`;
}
