import { announcementRoutes } from '../modules/announcements/announcements.routes';
import { auditRoutes } from '../modules/audit/audit.routes';
import { authRoutes } from '../modules/auth/auth.routes';
import { divisionRoutes } from '../modules/divisions/divisions.routes';
import { docsRoutes } from '../modules/docs/docs.routes';
import { employerRoutes } from '../modules/employers/employers.routes';
import { employmentRoutes } from '../modules/employment/employment.routes';
import { healthRoutes } from '../modules/health/health.routes';
import { jobFairRoutes } from '../modules/job-fairs/job-fairs.routes';
import { jobRoutes } from '../modules/jobs/jobs.routes';
import { notificationRoutes } from '../modules/notifications/notifications.routes';
import { photoRoutes } from '../modules/photos/photos.routes';
import { policyRoutes } from '../modules/policies/policies.routes';
import { publicNoticeRoutes } from '../modules/public-notices/public-notices.routes';
import { dashboardRoutes } from '../modules/dashboard/dashboard.routes';
import { ledgerRoutes } from '../modules/ledger/ledger.routes';
import { registrationRoutes } from '../modules/registrations/registrations.routes';
import { residentRegistrationRoutes } from '../modules/registrations/resident-registrations.routes';
import { residentRequestRoutes } from '../modules/resident-requests/resident-requests.routes';
import { residentRoutes } from '../modules/residents/resident.routes';
import { siteRoutes } from '../modules/sites/sites.routes';
import { staffRoutes } from '../modules/staff/staff.routes';
import { subsidyRoutes } from '../modules/subsidies/subsidies.routes';
import { trainingRoutes } from '../modules/training/training.routes';
import { townshipContactRoutes } from '../modules/township-contacts/township-contacts.routes';
import type { AnyRoute } from './define-route';

const apiRoutes: AnyRoute[] = [
  ...healthRoutes,
  ...divisionRoutes,
  ...authRoutes,
  ...staffRoutes,
  ...auditRoutes,
  ...residentRoutes,
  ...photoRoutes,
  ...notificationRoutes,
  ...residentRegistrationRoutes,
  // Fixed paths such as /api/registrations/export must come before /api/registrations/:id.
  ...ledgerRoutes,
  ...registrationRoutes,
  ...siteRoutes,
  ...publicNoticeRoutes,
  ...townshipContactRoutes,
  ...dashboardRoutes,
  ...policyRoutes,
  // /api/subsidy-rule-sets/current comes before /api/subsidy-rule-sets/:id inside the list.
  ...subsidyRoutes,
  ...employerRoutes,
  ...jobRoutes,
  ...jobFairRoutes,
  // /api/employment/export, /import and /zero-employment come before /api/employment/households/:id inside the list.
  ...employmentRoutes,
  ...trainingRoutes,
  // /api/resident-requests/export, /stats and /reminders come before /api/resident-requests/:id inside the list.
  ...residentRequestRoutes,
  ...announcementRoutes,
];

/** Every API route, in one list: the router, the OpenAPI document and the access test all read it. */
export const routeTable: readonly AnyRoute[] = [...apiRoutes, ...docsRoutes(apiRoutes)];
