import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Services } from '../services';

const EVERY_TEN_MINUTES = 10 * 60_000;
/** Ledger import reports stay readable this long. */
const IMPORT_JOB_RETENTION_DAYS = 90;
const MESSAGE_WORKER_INTERVAL_MS = 15_000;

/**
 * Expiry runs as a scheduled job rather than TTL indexes, which the embedded database lacks:
 * idle staff sessions, expired resident tokens, audit records past their retention, and photos
 * and policy attachments never attached to anything, old ledger import reports, rate-limit windows
 * that have run out, failed sign-in counts an hour old with no lock in force; ledger imports left
 * running by a process that died are marked interrupted; job postings past their closing date close,
 * and so does sign-up for courses past their deadline;
 * residents signed up for a fair or course starting within a day get their reminder (once);
 * approved households missing from the employment ledger are added and households where a member
 * entered or left working age are recounted.
 * Announcements scheduled for a set time are published from a fast loop (hazard alerts queued then).
 * Subscribe messages go out from a faster loop of their own. At start, registration summaries are
 * checked against their registrations once.
 */
export function startMaintenance(services: Services, config: Config, logger: Logger): () => void {
  const run = async () => {
    try {
      const staffSessions = await services.staffAuth.purgeExpired();
      const residentSessions = await services.residents.purgeExpired();
      const auditRecords = await services.audit.purgeOlderThan(config.auditRetentionDays);
      const photos = await services.photos.purgeUnattached();
      const policyAttachments = await services.policies.purgeUnattachedAttachments();
      const announcementAttachments = await services.announcements.purgeUnattachedAttachments();
      const importJobs = await services.ledgerImport.purgeJobsFinishedBefore(new Date(Date.now() - IMPORT_JOB_RETENTION_DAYS * 86_400_000));
      const rateLimitWindows = await services.rateLimits.purgeExpired();
      const loginCounts = await services.staff.purgeStaleLoginCounts();
      const abandonedImports = await services.ledgerImport.markAbandonedJobs();
      const closedPostings = await services.jobs.closeFinishedPostings();
      const closedCourses = await services.training.closeSignupsPastDeadline();
      const eventReminders = await services.signups.queueReminders();
      // The residents' requests: answered ones past the 7-day reopening window are done, and the
      // assignee of each one due by the next working day gets a console reminder (once).
      const settledRequests = await services.residentRequests.closeSettled();
      const requestReminders = await services.residentRequests.queueDueReminders();
      const employmentLedger = { ...(await services.employment.backfill()), ...(await services.employment.recountAges()) };
      if (abandonedImports) logger.warn({ abandonedImports }, 'ledger imports interrupted by a stopped process');
      if (eventReminders) logger.info({ eventReminders }, 'job fair and course reminders queued');
      if (settledRequests || requestReminders) logger.info({ settledRequests, requestReminders }, 'resident requests closed and reminders stored');
      if (employmentLedger.added) logger.info({ employmentLedger }, 'approved households added to the employment ledger');
      logger.debug({ staffSessions, residentSessions, auditRecords, photos, policyAttachments, announcementAttachments, importJobs, rateLimitWindows, loginCounts, closedPostings, closedCourses }, 'maintenance purge');
    } catch (error) {
      logger.warn({ err: error }, 'maintenance purge failed');
    }
  };

  // A slow WeChat can make one delivery run outlast the interval; runs never overlap.
  let delivering = false;
  const deliver = async () => {
    if (delivering) return;
    delivering = true;
    try {
      const outcomes = await services.notifications.deliverPendingMessages();
      if (Object.values(outcomes).some((count) => count > 0)) logger.info({ outcomes }, 'subscribe messages');
    } catch (error) {
      logger.warn({ err: error }, 'subscribe message delivery failed');
    } finally {
      delivering = false;
    }
  };

  // Scheduled announcements go out within a quarter of a minute of their time, hazard alerts included.
  let publishing = false;
  const publishDue = async () => {
    if (publishing) return;
    publishing = true;
    try {
      const announcements = await services.announcements.publishDue();
      if (announcements.published + announcements.alerts > 0) logger.info({ announcements }, 'scheduled announcements published');
    } catch (error) {
      logger.warn({ err: error }, 'scheduled announcement publishing failed');
    } finally {
      publishing = false;
    }
  };

  const reconcile = async () => {
    try {
      const repaired = await services.registrations.reconcileSummaries();
      if (repaired) logger.info({ repaired }, 'registration summaries repaired');
    } catch (error) {
      logger.warn({ err: error }, 'registration summary check failed');
    }
  };

  const timers = [setInterval(run, EVERY_TEN_MINUTES), setInterval(deliver, MESSAGE_WORKER_INTERVAL_MS), setInterval(publishDue, MESSAGE_WORKER_INTERVAL_MS)];
  for (const timer of timers) timer.unref();
  void run();
  void publishDue();
  void reconcile();
  return () => timers.forEach(clearInterval);
}
