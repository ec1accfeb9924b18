import type { Connection } from 'mongoose';
import type { Config } from './config';
import { createAuditService } from './modules/audit/audit.service';
import { createStaffAuthService } from './modules/auth/staff-auth.service';
import { createDivisionsService } from './modules/divisions/divisions.service';
import { createHealthService } from './modules/health/health.service';
import { createNotificationsService } from './modules/notifications/notifications.service';
import { createPhotosService } from './modules/photos/photos.service';
import { createRegistrationsService } from './modules/registrations/registrations.service';
import { createResidentService, type ResidentWechat } from './modules/residents/resident.service';
import { createStaffService } from './modules/staff/staff.service';
import { createFieldCrypto } from './security/field-crypto';

export type ServiceDeps = { connection: Connection; config: Config; wechat: ResidentWechat };

/** Wires the modules together; each module is reached only through its service. */
export function createServices({ connection, config, wechat }: ServiceDeps) {
  const crypto = createFieldCrypto(config.encryptionKey);
  const audit = createAuditService(connection);
  const divisions = createDivisionsService(connection, config.countyCode);
  const staff = createStaffService({ connection, crypto, divisions });
  const photos = createPhotosService({ connection, uploadDir: config.uploadDir });
  const notifications = createNotificationsService({ connection });
  return {
    audit,
    divisions,
    staff,
    staffAuth: createStaffAuthService({ connection, staff, audit }),
    residents: createResidentService({ connection, crypto, wechat }),
    registrations: createRegistrationsService({ connection, crypto }),
    photos,
    notifications,
    health: createHealthService(connection),
  };
}

export type Services = ReturnType<typeof createServices>;
