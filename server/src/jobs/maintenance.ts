import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Services } from '../services';

const EVERY_TEN_MINUTES = 10 * 60_000;

/**
 * Expiry runs as a scheduled job rather than TTL indexes, which the embedded database lacks:
 * idle staff sessions, expired resident tokens, and audit records past their retention.
 */
export function startMaintenance(services: Services, config: Config, logger: Logger): () => void {
  const run = async () => {
    try {
      const staffSessions = await services.staffAuth.purgeExpired();
      const residentSessions = await services.residents.purgeExpired();
      const auditRecords = await services.audit.purgeOlderThan(config.auditRetentionDays);
      logger.debug({ staffSessions, residentSessions, auditRecords }, 'maintenance purge');
    } catch (error) {
      logger.warn({ err: error }, 'maintenance purge failed');
    }
  };
  const timer = setInterval(run, EVERY_TEN_MINUTES);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
