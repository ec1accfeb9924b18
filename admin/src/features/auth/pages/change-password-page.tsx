import { Alert, App, Button, Card, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import type { PasswordChangeReason } from '@anqian/shared';
import { ChangePasswordForm } from '@/components/change-password-form';
import { safeRedirectTarget, useCurrentSession, useLogout } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';
import { AuthCard } from '@/features/auth/components/auth-card';

const REASONS: Record<PasswordChangeReason, { title: string; description: string }> = {
  first_login: {
    title: '首次登录，请设置新密码',
    description: '您正在使用管理员发放的临时密码。为保障账号安全，设置自己的密码后才能继续使用。',
  },
  reset: {
    title: '密码已被重置，请设置新密码',
    description: '县级管理员重置了您的密码。请用收到的临时密码作为当前密码，设置新密码后继续使用。',
  },
  expired: {
    title: '密码已超过 90 天，请更换',
    description: '按照信息安全要求，密码每 90 天须更换一次。更换后即可继续使用。',
  },
};

export function ChangePasswordPage() {
  useDocumentTitle('修改密码');
  const session = useCurrentSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const logout = useLogout();
  const { message } = App.useApp();
  const target = safeRedirectTarget(params.get('redirect'));

  if (!session.passwordChangeRequired) return <Navigate to={target} replace />;
  const reason = REASONS[session.passwordChangeRequired];

  return (
    <AuthCard width={480}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          修改密码
        </Typography.Title>
        <Alert type="warning" showIcon title={reason.title} description={reason.description} style={{ marginBottom: 24 }} />
        <Typography.Paragraph>
          账号：<Typography.Text strong>{session.user.username}</Typography.Text>（{session.user.displayName}）
        </Typography.Paragraph>
        <ChangePasswordForm
          username={session.user.username}
          onSuccess={() => {
            void message.success('密码已修改');
            void navigate(target, { replace: true });
          }}
        />
        <Button
          type="link"
          style={{ paddingInline: 0, marginTop: 16 }}
          loading={logout.isPending}
          onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
        >
          退出登录
        </Button>
      </Card>
    </AuthCard>
  );
}
