import type { Connection } from 'mongoose';
import type { RegistrationStatus } from '@anqian/shared';

/** Contract for the registrations module; the notifications helper implements it (issue 3). */
export function createNotificationsService(_deps: { connection: Connection }) {
  return {
    /** Queues a subscribe message to the resident if they granted one; never throws for WeChat trouble. */
    async registrationStatusChanged(_event: {
      residentId: string;
      registrationId: string;
      status: RegistrationStatus;
      reason?: string;
      at: Date;
    }): Promise<void> {
      throw new Error('notifications.registrationStatusChanged: not implemented yet');
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
