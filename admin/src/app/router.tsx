import { createBrowserRouter } from 'react-router-dom';
import { FullPageSpin } from '@/components/full-page-spin';
import { RequireRole, RequireSession } from '@/app/guards';
import { AppLayout } from '@/app/layout';
import { NotFound } from '@/app/not-found';
import { RouteError } from '@/app/route-error';
import { AREA_OFFICE_ROLES, COUNTY_ADMIN_ROLES, HR_ROLES, RELOCATION_STAFF_ROLES } from '@anqian/shared';

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
            // A sheet for the village noticeboard: printed from the browser, so no menu around it.
            path: '/public-notices/:id/print',
            lazy: async () => {
              const { PublicNoticePrintPage } = await import('@/features/public-notices/pages/public-notice-print-page');
              return {
                Component: () => (
                  <RequireSession>
                    <RequireRole roles={RELOCATION_STAFF_ROLES}>
                      <PublicNoticePrintPage />
                    </RequireRole>
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
                path: 'employment',
                lazy: async () => ({ Component: (await import('@/features/employment/pages/employment-page')).EmploymentPage }),
              },
              {
                path: 'job-fairs',
                lazy: async () => ({ Component: (await import('@/features/job-fairs/pages/job-fairs-page')).JobFairsPage }),
              },
              {
                path: 'job-fairs/:id',
                lazy: async () => ({ Component: (await import('@/features/job-fairs/pages/job-fair-detail-page')).JobFairDetailPage }),
              },
              {
                path: 'training',
                lazy: async () => ({ Component: (await import('@/features/training/pages/training-courses-page')).TrainingCoursesPage }),
              },
              {
                path: 'training/:id',
                lazy: async () => ({ Component: (await import('@/features/training/pages/course-detail-page')).CourseDetailPage }),
              },
              {
                path: 'registrations',
                lazy: async () => {
                  const { RegistrationsPage } = await import('@/features/registrations/pages/registrations-page');
                  return {
                    Component: () => (
                      <RequireRole roles={RELOCATION_STAFF_ROLES}>
                        <RegistrationsPage />
                      </RequireRole>
                    ),
                  };
                },
              },
              {
                path: 'registrations/:id',
                lazy: async () => {
                  const { RegistrationDetailPage } = await import('@/features/registrations/pages/registration-detail-page');
                  return {
                    Component: () => (
                      <RequireRole roles={RELOCATION_STAFF_ROLES}>
                        <RegistrationDetailPage />
                      </RequireRole>
                    ),
                  };
                },
              },
              {
                path: 'public-notices',
                lazy: async () => {
                  const { PublicNoticesPage } = await import('@/features/public-notices/pages/public-notices-page');
                  return {
                    Component: () => (
                      <RequireRole roles={RELOCATION_STAFF_ROLES}>
                        <PublicNoticesPage />
                      </RequireRole>
                    ),
                  };
                },
              },
              {
                path: 'public-notices/new',
                lazy: async () => {
                  const { CreatePublicNoticePage } = await import('@/features/public-notices/pages/create-public-notice-page');
                  return {
                    Component: () => (
                      <RequireRole roles={AREA_OFFICE_ROLES}>
                        <CreatePublicNoticePage />
                      </RequireRole>
                    ),
                  };
                },
              },
              {
                path: 'public-notices/:id',
                lazy: async () => {
                  const { PublicNoticeDetailPage } = await import('@/features/public-notices/pages/public-notice-detail-page');
                  return {
                    Component: () => (
                      <RequireRole roles={RELOCATION_STAFF_ROLES}>
                        <PublicNoticeDetailPage />
                      </RequireRole>
                    ),
                  };
                },
              },
              {
                path: 'sites',
                lazy: async () => {
                  const { SitesPage } = await import('@/features/sites/pages/sites-page');
                  return {
                    Component: () => (
                      <RequireRole roles={RELOCATION_STAFF_ROLES}>
                        <SitesPage />
                      </RequireRole>
                    ),
                  };
                },
              },
              {
                path: 'employers',
                lazy: async () => ({ Component: (await import('@/features/jobs/pages/employers-page')).EmployersPage }),
              },
              {
                path: 'resident-requests',
                lazy: async () => {
                  const { RequestsInboxPage } = await import('@/features/resident-requests/pages/requests-inbox-page');
                  return {
                    Component: () => (
                      <RequireRole roles={RELOCATION_STAFF_ROLES}>
                        <RequestsInboxPage />
                      </RequireRole>
                    ),
                  };
                },
              },
              {
                path: 'resident-requests/stats',
                lazy: async () => {
                  const { RequestStatsPage } = await import('@/features/resident-requests/pages/request-stats-page');
                  return {
                    Component: () => (
                      <RequireRole roles={RELOCATION_STAFF_ROLES}>
                        <RequestStatsPage />
                      </RequireRole>
                    ),
                  };
                },
              },
              {
                path: 'resident-requests/:id',
                lazy: async () => {
                  const { RequestDetailPage } = await import('@/features/resident-requests/pages/request-detail-page');
                  return {
                    Component: () => (
                      <RequireRole roles={RELOCATION_STAFF_ROLES}>
                        <RequestDetailPage />
                      </RequireRole>
                    ),
                  };
                },
              },
              {
                path: 'job-postings',
                lazy: async () => ({ Component: (await import('@/features/jobs/pages/postings-page')).PostingsPage }),
              },
              {
                path: 'job-postings/new',
                lazy: async () => {
                  const { PostingEditPage } = await import('@/features/jobs/pages/posting-edit-page');
                  return {
                    Component: () => (
                      <RequireRole roles={HR_ROLES}>
                        <PostingEditPage />
                      </RequireRole>
                    ),
                  };
                },
              },
              {
                path: 'job-postings/:id/edit',
                lazy: async () => {
                  const { PostingEditPage } = await import('@/features/jobs/pages/posting-edit-page');
                  return {
                    Component: () => (
                      <RequireRole roles={HR_ROLES}>
                        <PostingEditPage />
                      </RequireRole>
                    ),
                  };
                },
              },
              {
                path: 'job-postings/:id',
                lazy: async () => ({ Component: (await import('@/features/jobs/pages/posting-detail-page')).PostingDetailPage }),
              },
              {
                path: 'announcements',
                lazy: async () => ({ Component: (await import('@/features/announcements/pages/announcements-page')).AnnouncementsPage }),
              },
              {
                path: 'announcements/new',
                lazy: async () => ({ Component: (await import('@/features/announcements/pages/announcement-edit-page')).CreateAnnouncementPage }),
              },
              {
                path: 'announcements/:id',
                lazy: async () => ({ Component: (await import('@/features/announcements/pages/announcement-detail-page')).AnnouncementDetailPage }),
              },
              {
                path: 'announcements/:id/edit',
                lazy: async () => ({ Component: (await import('@/features/announcements/pages/announcement-edit-page')).EditAnnouncementPage }),
              },
              {
                path: 'policies',
                lazy: async () => ({ Component: (await import('@/features/policies/pages/policies-page')).PoliciesPage }),
              },
              {
                path: 'policies/new',
                lazy: async () => {
                  const { CreatePolicyPage } = await import('@/features/policies/pages/policy-edit-page');
                  return {
                    Component: () => (
                      <RequireRole roles={AREA_OFFICE_ROLES}>
                        <CreatePolicyPage />
                      </RequireRole>
                    ),
                  };
                },
              },
              {
                path: 'policies/:id',
                lazy: async () => ({ Component: (await import('@/features/policies/pages/policy-detail-page')).PolicyDetailPage }),
              },
              {
                path: 'policies/:id/edit',
                lazy: async () => {
                  const { EditPolicyPage } = await import('@/features/policies/pages/policy-edit-page');
                  return {
                    Component: () => (
                      <RequireRole roles={AREA_OFFICE_ROLES}>
                        <EditPolicyPage />
                      </RequireRole>
                    ),
                  };
                },
              },
              {
                path: 'subsidy-rule-sets',
                lazy: async () => {
                  const { RuleSetsPage } = await import('@/features/subsidies/pages/rule-sets-page');
                  return {
                    Component: () => (
                      <RequireRole roles={AREA_OFFICE_ROLES}>
                        <RuleSetsPage />
                      </RequireRole>
                    ),
                  };
                },
              },
              {
                path: 'subsidy-rule-sets/new',
                lazy: async () => {
                  const { CreateRuleSetPage } = await import('@/features/subsidies/pages/rule-set-page');
                  return {
                    Component: () => (
                      <RequireRole roles={COUNTY_ADMIN_ROLES}>
                        <CreateRuleSetPage />
                      </RequireRole>
                    ),
                  };
                },
              },
              {
                path: 'subsidy-rule-sets/:id',
                lazy: async () => {
                  const { RuleSetPage } = await import('@/features/subsidies/pages/rule-set-page');
                  return {
                    Component: () => (
                      <RequireRole roles={AREA_OFFICE_ROLES}>
                        <RuleSetPage />
                      </RequireRole>
                    ),
                  };
                },
              },
              {
                path: 'staff',
                lazy: async () => {
                  const { StaffPage } = await import('@/features/staff/pages/staff-page');
                  return {
                    Component: () => (
                      <RequireRole roles={COUNTY_ADMIN_ROLES}>
                        <StaffPage />
                      </RequireRole>
                    ),
                  };
                },
              },
              {
                path: 'township-contacts',
                lazy: async () => {
                  const { TownshipContactsPage } = await import('@/features/township-contacts/pages/township-contacts-page');
                  return {
                    Component: () => (
                      <RequireRole roles={COUNTY_ADMIN_ROLES}>
                        <TownshipContactsPage />
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
                      <RequireRole roles={COUNTY_ADMIN_ROLES}>
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
