import type { Connection } from 'mongoose';
import { clockFor, type Clock } from './clock';
import type { Config } from './config';
import { createRateLimitCounters } from './security/rate-limit-counters';
import { createAnnouncementsService } from './modules/announcements/announcements.service';
import { createAuditService } from './modules/audit/audit.service';
import { createStaffAuthService } from './modules/auth/staff-auth.service';
import { createDivisionsService } from './modules/divisions/divisions.service';
import { createEmployersService } from './modules/employers/employers.service';
import { createEmploymentSheets } from './modules/employment/employment-sheet';
import { createEmploymentService } from './modules/employment/employment.service';
import { createHealthService } from './modules/health/health.service';
import { fairDirectoryFrom } from './modules/job-fairs/fair-directory';
import { createJobFairsService } from './modules/job-fairs/job-fairs.service';
import { createJobsService, type TextChecker } from './modules/jobs/jobs.service';
import { createNotificationsService, type SubscribeSender } from './modules/notifications/notifications.service';
import { createPhotosService } from './modules/photos/photos.service';
import { createPoliciesService } from './modules/policies/policies.service';
import { createPublicNoticesService } from './modules/public-notices/public-notices.service';
import { createDashboardService } from './modules/dashboard/dashboard.service';
import { createLedgerExporter } from './modules/ledger/ledger-export';
import { createLedgerImporter } from './modules/ledger/ledger-import';
import { createRegistrationsService } from './modules/registrations/registrations.service';
import { createResidentRequestsService } from './modules/resident-requests/resident-requests.service';
import { createResidentService, type ResidentWechat } from './modules/residents/resident.service';
import { createSignupsService } from './modules/signups/signups.service';
import { createSitesService } from './modules/sites/sites.service';
import { createStaffService } from './modules/staff/staff.service';
import { createSubsidiesService } from './modules/subsidies/subsidies.service';
import { memberDirectoryFrom } from './modules/training/member-directory';
import { createTrainingService, type TrainingService } from './modules/training/training.service';
import { createTownshipContactsService } from './modules/township-contacts/township-contacts.service';
import { createFieldCrypto } from './security/field-crypto';

/** `clock` defaults to the one the configuration asks for (the system clock in production). */
export type ServiceDeps = { connection: Connection; config: Config; wechat: ResidentWechat & SubscribeSender & TextChecker; clock?: Clock };

/** Wires the modules together; each module is reached only through its service. */
export function createServices({ connection, config, wechat, clock = clockFor(config) }: ServiceDeps) {
  const crypto = createFieldCrypto(config.encryptionKey);
  const audit = createAuditService(connection);
  const divisions = createDivisionsService(connection, config.countyCode);
  const staff = createStaffService({ connection, crypto, divisions });
  const photos = createPhotosService({ connection, uploadDir: config.uploadDir });
  const residents = createResidentService({ connection, crypto, wechat, staff, divisions, audit });
  const notifications = createNotificationsService({ connection, wechat, templates: config.wechat.templates, openidOf: residents.openidOf });
  const sites = createSitesService({ connection, divisions });
  const policies = createPoliciesService({ connection, divisions, uploadDir: config.uploadDir });
  const subsidies = createSubsidiesService({ connection, policies });
  const notices = { clock, noticeMinDays: config.noticeMinDays };
  const registrations = createRegistrationsService({ connection, crypto, divisions, sites, photos, notifications, subsidies, ...notices });
  const employers = createEmployersService({ connection, crypto, divisions });
  const employment = createEmploymentService({ connection, divisions, registrations, clock });
  registrations.onApproved(async (household) => {
    await employment.addHousehold(household);
  });
  const jobs = createJobsService({
    connection,
    crypto,
    divisions,
    employers,
    notifications,
    wechat,
    contentCheckOpenid: config.wechat.contentCheckOpenid,
    clock,
    householdPeopleOf: registrations.verifiedPeopleOf,
    hired: employment.recordHire,
  });
  const signups = createSignupsService({
    connection,
    clock,
    ticketSecret: config.sessionSecret,
    notifications,
    phoneMaskedOf: async (residentId) => (await residents.me(residentId)).phoneMasked,
    // Training is built on the engine, so it is told of promotions once it exists.
    onPromoted: async (signup) => {
      if (signup.kind === 'training') await training.promoted({ eventId: signup.eventId, contactId: signup.contactId });
    },
  });
  const training: TrainingService = createTrainingService({
    connection,
    clock,
    signups,
    divisions,
    employers,
    members: memberDirectoryFrom(registrations),
    notifications,
    jobs,
    staff,
  });
  const jobFairs = createJobFairsService({ connection, clock, signups, directory: fairDirectoryFrom(employers, jobs) });
  const townshipContacts = createTownshipContactsService({ connection, divisions, villagesOf: registrations.villagesOf, clock });
  return {
    audit,
    divisions,
    staff,
    staffAuth: createStaffAuthService({ connection, staff, audit }),
    residents,
    registrations,
    sites,
    townshipContacts,
    publicNotices: createPublicNoticesService({ connection, divisions, registrations, townshipContacts, cjkFontPath: config.cjkFontPath, ...notices }),
    ledgerExport: createLedgerExporter({ connection, crypto, divisions, sites, staff, audit, ...notices }),
    ledgerImport: createLedgerImporter({ connection, crypto, uploadDir: config.uploadDir, divisions, sites, registrations, audit }),
    dashboard: createDashboardService({ connection, divisions, sites, employment }),
    employment,
    employmentSheets: createEmploymentSheets({ employment, registrations, staff, clock, uploadDir: config.uploadDir }),
    photos,
    notifications,
    policies,
    subsidies,
    employers,
    jobs,
    signups,
    jobFairs,
    training,
    announcements: createAnnouncementsService({
      connection,
      divisions,
      notifications,
      villagesOf: registrations.villagesOf,
      phoneOf: residents.phoneOf,
      uploadDir: config.uploadDir,
      clock,
    }),
    residentRequests: createResidentRequestsService({
      connection,
      clock,
      divisions,
      sites,
      photos,
      registrations,
      residents,
      staff,
      notifications,
      wechat,
      contentCheckOpenid: config.wechat.contentCheckOpenid,
    }),
    health: createHealthService(connection),
    rateLimits: createRateLimitCounters(connection),
  };
}

export type Services = ReturnType<typeof createServices>;
