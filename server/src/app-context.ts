import type { Logger } from 'pino';
import type { AuditChange } from '@anqian/shared';
import type { Clock } from './clock';
import type { Config } from './config';
import type { StaffActor } from './security/staff-actor';
import type { Services } from './services';

/** What a staff write did, for the audit log: set by the handler, recorded by `audit()`. */
export type AuditTarget = { type: string; id?: string; name?: string; detail?: string; changes?: AuditChange[] };

export type AppState = {
  requestId: string;
  log: Logger;
  staff?: StaffActor;
  staffSession?: { id: string; csrfToken: string };
  residentId?: string;
  auditTarget?: AuditTarget;
};

export type AppContextExtras = { services: Services; config: Config; clock: Clock };
