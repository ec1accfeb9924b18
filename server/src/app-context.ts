import type { Logger } from 'pino';
import type { Clock } from './clock';
import type { Config } from './config';
import type { StaffActor } from './security/staff-actor';
import type { Services } from './services';

export type AuditTarget = { type: string; id?: string; detail?: string };

export type AppState = {
  requestId: string;
  log: Logger;
  staff?: StaffActor;
  staffSession?: { id: string; csrfToken: string };
  residentId?: string;
  auditTarget?: AuditTarget;
};

export type AppContextExtras = { services: Services; config: Config; clock: Clock };
