import { createBrowserRouter } from 'react-router-dom';
import { FullPageSpin } from '@/components/full-page-spin';
import { RequireRole, RequireSession } from '@/app/guards';
import { AppLayout } from '@/app/layout';
import { NotFound } from '@/app/not-found';
import { RouteError } from '@/app/route-error';

/** Pages load on demand, so signing in does not download the staff and audit screens. */
export function createAppRouter() {
  return createBrowserRouter(
    [
      {
        errorElement: <RouteError />,
        hydrateFallbackElement: <FullPageSpin />,
        children: [
          {
            path: '/login',
            lazy: async () => ({ Component: (await import('@/features/auth/pages/login-page')).LoginPage }),
          },
          {
            path: '/change-password',
            lazy: async () => {
              const { ChangePasswordPage } = await import('@/features/auth/pages/change-password-page');
              return {
                Component: () => (
                  <RequireSession allowPasswordChange>
                    <ChangePasswordPage />
                  </RequireSession>
                ),
              };
            },
          },
          {
            path: '/',
            element: (
              <RequireSession>
                <AppLayout />
              </RequireSession>
            ),
            children: [
              {
                index: true,
                lazy: async () => ({ Component: (await import('@/features/dashboard/pages/dashboard-page')).DashboardPage }),
              },
              {
                path: 'staff',
                lazy: async () => {
                  const { StaffPage } = await import('@/features/staff/pages/staff-page');
                  return {
                    Component: () => (
                      <RequireRole roles={['county_admin']}>
                        <StaffPage />
                      </RequireRole>
                    ),
                  };
                },
              },
              {
                path: 'audit-logs',
                lazy: async () => {
                  const { AuditLogPage } = await import('@/features/audit/pages/audit-log-page');
                  return {
                    Component: () => (
                      <RequireRole roles={['county_admin']}>
                        <AuditLogPage />
                      </RequireRole>
                    ),
                  };
                },
              },
              {
                path: 'account',
                lazy: async () => ({ Component: (await import('@/features/account/pages/account-page')).AccountPage }),
              },
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
    { basename: '/admin' },
  );
}
