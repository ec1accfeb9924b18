import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { FullPageSpin } from '@/components/full-page-spin';
import { RequireRole, RequireSession } from '@/app/guards';
import { AppLayout } from '@/app/layout';
import { NotFound } from '@/app/not-found';
import { RouteError } from '@/app/route-error';
import { AREA_OFFICE_ROLES, COUNTY_ADMIN_ROLES, HR_ROLES, RELOCATION_STAFF_ROLES, type StaffRole } from '@anqian/shared';

/** A page loaded when first opened, shown only to `roles` when they are given. */
function lazyPage(load: () => Promise<ComponentType>, roles?: readonly StaffRole[]) {
  return async () => {
    const Page = await load();
    return {
      Component: roles
        ? () => (
            <RequireRole roles={roles}>
              <Page />
            </RequireRole>
          )
        : Page,
    };
  };
}

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
            lazy: lazyPage(async () => (await import('@/features/auth/pages/login-page')).LoginPage),
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
                lazy: lazyPage(async () => (await import('@/features/dashboard/pages/dashboard-page')).DashboardPage),
              },
              {
                path: 'employment',
                lazy: lazyPage(async () => (await import('@/features/employment/pages/employment-page')).EmploymentPage),
              },
              {
                path: 'job-fairs',
                lazy: lazyPage(async () => (await import('@/features/job-fairs/pages/job-fairs-page')).JobFairsPage),
              },
              {
                path: 'job-fairs/:id',
                lazy: lazyPage(async () => (await import('@/features/job-fairs/pages/job-fair-detail-page')).JobFairDetailPage),
              },
              {
                path: 'training',
                lazy: lazyPage(async () => (await import('@/features/training/pages/training-courses-page')).TrainingCoursesPage),
              },
              {
                path: 'training/:id',
                lazy: lazyPage(async () => (await import('@/features/training/pages/course-detail-page')).CourseDetailPage),
              },
              {
                path: 'registrations',
                lazy: lazyPage(async () => (await import('@/features/registrations/pages/registrations-page')).RegistrationsPage, RELOCATION_STAFF_ROLES),
              },
              {
                path: 'registrations/:id',
                lazy: lazyPage(async () => (await import('@/features/registrations/pages/registration-detail-page')).RegistrationDetailPage, RELOCATION_STAFF_ROLES),
              },
              {
                path: 'public-notices',
                lazy: lazyPage(async () => (await import('@/features/public-notices/pages/public-notices-page')).PublicNoticesPage, RELOCATION_STAFF_ROLES),
              },
              {
                path: 'public-notices/new',
                lazy: lazyPage(async () => (await import('@/features/public-notices/pages/create-public-notice-page')).CreatePublicNoticePage, AREA_OFFICE_ROLES),
              },
              {
                path: 'public-notices/:id',
                lazy: lazyPage(async () => (await import('@/features/public-notices/pages/public-notice-detail-page')).PublicNoticeDetailPage, RELOCATION_STAFF_ROLES),
              },
              {
                path: 'sites',
                lazy: lazyPage(async () => (await import('@/features/sites/pages/sites-page')).SitesPage, RELOCATION_STAFF_ROLES),
              },
              {
                path: 'employers',
                lazy: lazyPage(async () => (await import('@/features/jobs/pages/employers-page')).EmployersPage),
              },
              {
                path: 'resident-requests',
                lazy: lazyPage(async () => (await import('@/features/resident-requests/pages/requests-inbox-page')).RequestsInboxPage, RELOCATION_STAFF_ROLES),
              },
              {
                path: 'resident-requests/stats',
                lazy: lazyPage(async () => (await import('@/features/resident-requests/pages/request-stats-page')).RequestStatsPage, RELOCATION_STAFF_ROLES),
              },
              {
                path: 'resident-requests/:id',
                lazy: lazyPage(async () => (await import('@/features/resident-requests/pages/request-detail-page')).RequestDetailPage, RELOCATION_STAFF_ROLES),
              },
              {
                path: 'job-postings',
                lazy: lazyPage(async () => (await import('@/features/jobs/pages/postings-page')).PostingsPage),
              },
              {
                path: 'job-postings/new',
                lazy: lazyPage(async () => (await import('@/features/jobs/pages/posting-edit-page')).PostingEditPage, HR_ROLES),
              },
              {
                path: 'job-postings/:id/edit',
                lazy: lazyPage(async () => (await import('@/features/jobs/pages/posting-edit-page')).PostingEditPage, HR_ROLES),
              },
              {
                path: 'job-postings/:id',
                lazy: lazyPage(async () => (await import('@/features/jobs/pages/posting-detail-page')).PostingDetailPage),
              },
              {
                path: 'announcements',
                lazy: lazyPage(async () => (await import('@/features/announcements/pages/announcements-page')).AnnouncementsPage),
              },
              {
                path: 'announcements/new',
                lazy: lazyPage(async () => (await import('@/features/announcements/pages/announcement-edit-page')).CreateAnnouncementPage),
              },
              {
                path: 'announcements/:id',
                lazy: lazyPage(async () => (await import('@/features/announcements/pages/announcement-detail-page')).AnnouncementDetailPage),
              },
              {
                path: 'announcements/:id/edit',
                lazy: lazyPage(async () => (await import('@/features/announcements/pages/announcement-edit-page')).EditAnnouncementPage),
              },
              {
                path: 'policies',
                lazy: lazyPage(async () => (await import('@/features/policies/pages/policies-page')).PoliciesPage),
              },
              {
                path: 'policies/new',
                lazy: lazyPage(async () => (await import('@/features/policies/pages/policy-edit-page')).CreatePolicyPage, AREA_OFFICE_ROLES),
              },
              {
                path: 'policies/:id',
                lazy: lazyPage(async () => (await import('@/features/policies/pages/policy-detail-page')).PolicyDetailPage),
              },
              {
                path: 'policies/:id/edit',
                lazy: lazyPage(async () => (await import('@/features/policies/pages/policy-edit-page')).EditPolicyPage, AREA_OFFICE_ROLES),
              },
              {
                path: 'subsidy-rule-sets',
                lazy: lazyPage(async () => (await import('@/features/subsidies/pages/rule-sets-page')).RuleSetsPage, AREA_OFFICE_ROLES),
              },
              {
                path: 'subsidy-rule-sets/new',
                lazy: lazyPage(async () => (await import('@/features/subsidies/pages/rule-set-page')).CreateRuleSetPage, COUNTY_ADMIN_ROLES),
              },
              {
                path: 'subsidy-rule-sets/:id',
                lazy: lazyPage(async () => (await import('@/features/subsidies/pages/rule-set-page')).RuleSetPage, AREA_OFFICE_ROLES),
              },
              {
                path: 'staff',
                lazy: lazyPage(async () => (await import('@/features/staff/pages/staff-page')).StaffPage, COUNTY_ADMIN_ROLES),
              },
              {
                path: 'township-contacts',
                lazy: lazyPage(async () => (await import('@/features/township-contacts/pages/township-contacts-page')).TownshipContactsPage, COUNTY_ADMIN_ROLES),
              },
              {
                path: 'audit-logs',
                lazy: lazyPage(async () => (await import('@/features/audit/pages/audit-log-page')).AuditLogPage, COUNTY_ADMIN_ROLES),
              },
              {
                path: 'account',
                lazy: lazyPage(async () => (await import('@/features/account/pages/account-page')).AccountPage),
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
