import type { Logger } from 'pino';
import type { StaffRole } from '@anqian/shared';
import type { Config } from './config';
import type { Services } from './services';

/** The staff member behind a request, as every scoped query needs it. */
export type StaffActor = {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  divisionCode: string;
};

/** Where work that outlives its request reports failures (the request's logger). */
export type ErrorLog = { error(details: object, message: string): void };

export type AuditTarget = { type: string; id?: string; detail?: string };

export type AppState = {
  requestId: string;
  log: Logger;
  staff?: StaffActor;
  staffSession?: { id: string; csrfToken: string };
  residentId?: string;
  auditTarget?: AuditTarget;
};

export type AppContextExtras = { services: Services; config: Config };
