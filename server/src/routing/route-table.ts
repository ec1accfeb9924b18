import { auditRoutes } from '../modules/audit/audit.routes';
import { authRoutes } from '../modules/auth/auth.routes';
import { divisionRoutes } from '../modules/divisions/divisions.routes';
import { docsRoutes } from '../modules/docs/docs.routes';
import { healthRoutes } from '../modules/health/health.routes';
import { residentRoutes } from '../modules/residents/resident.routes';
import { staffRoutes } from '../modules/staff/staff.routes';
import type { AnyRoute } from './define-route';

const apiRoutes: AnyRoute[] = [
  ...healthRoutes,
  ...divisionRoutes,
  ...authRoutes,
  ...staffRoutes,
  ...auditRoutes,
  ...residentRoutes,
];

/** Every API route, in one list: the router, the OpenAPI document and the access test all read it. */
export const routeTable: readonly AnyRoute[] = [...apiRoutes, ...docsRoutes(apiRoutes)];
