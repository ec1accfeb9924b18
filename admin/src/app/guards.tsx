import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import type { StaffRole } from '@anqian/shared';
import { ErrorState } from '@/components/error-state';
import { FullPageSpin } from '@/components/full-page-spin';
import { hasRole, useSession } from '@/lib/auth';

function currentPath(location: { pathname: string; search: string }): string {
  return `${location.pathname}${location.search}`;
}

/**
 * Renders its children only for a signed-in staff member whose password is in order; otherwise
 * sends them to sign in (remembering where they were going) or to the forced password change.
 */
export function RequireSession({ children, allowPasswordChange = false }: { children: ReactNode; allowPasswordChange?: boolean }) {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <FullPageSpin />;
  // A failed background refetch keeps the last known session; only a failed first load blocks the app.
  if (session.isError && session.data === undefined) return <ErrorState error={session.error} onRetry={() => void session.refetch()} title="无法连接服务器" />;
  if (!session.data) {
    const target = currentPath(location);
    return <Navigate to={target === '/' ? '/login' : `/login?redirect=${encodeURIComponent(target)}`} replace />;
  }
  if (session.data.passwordChangeRequired && !allowPasswordChange) {
    const target = currentPath(location);
    return <Navigate to={target === '/' ? '/change-password' : `/change-password?redirect=${encodeURIComponent(target)}`} replace />;
  }
  return <>{children}</>;
}

export function RequireRole({ roles, children }: { roles: readonly StaffRole[]; children: ReactNode }) {
  const session = useSession();
  const navigate = useNavigate();
  if (!hasRole(session.data, roles)) {
    return (
      <Result
        status="403"
        title="没有权限"
        subTitle="您的账号不能使用此功能。如需开通，请联系县级管理员。"
        extra={
          <Button type="primary" onClick={() => void navigate('/')}>
            返回工作台
          </Button>
        }
      />
    );
  }
  return <>{children}</>;
}
