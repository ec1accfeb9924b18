import type { Connection } from 'mongoose';
import type { PasswordChangeReason, StaffSession } from '@anqian/shared';
import type { StaffActor } from '../../security/staff-actor';
import { AppError } from '../../errors';
import { newToken, tokenHash } from '../../security/tokens';
import type { AuditService } from '../audit/audit.service';
import { addressSource } from '../staff/login-throttle';
import type { StaffService } from '../staff/staff.service';
import type { StaffUserRecord } from '../staff/staff-user.model';
import { staffSessionModel } from './staff-session.model';

export const IDLE_TIMEOUT_MS = 30 * 60_000;
/** Sliding the idle deadline on every request would make every read a write. */
const TOUCH_INTERVAL_MS = 30_000;

const actorOf = (user: StaffUserRecord): StaffActor => ({
  id: user._id.toString(),
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  divisionCode: user.divisionCode,
});

export function createStaffAuthService(deps: { connection: Connection; staff: StaffService; audit: AuditService }) {
  const Session = staffSessionModel(deps.connection);
  const { staff, audit } = deps;

  async function openSession(user: StaffUserRecord, ip: string): Promise<{ token: string; session: StaffSession }> {
    const token = newToken();
    const csrfToken = newToken();
    const now = new Date();
    await Session.create({
      _id: tokenHash(token),
      userId: user._id.toString(),
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + IDLE_TIMEOUT_MS),
      ip,
    });
    return { token, session: { user: await staff.present(user), csrfToken, passwordChangeRequired: staff.passwordChangeRequired(user) } };
  }

  return {
    async login(username: string, password: string, ip: string) {
      try {
        const user = await staff.verifyCredentials(username, password, addressSource(ip));
        const opened = await openSession(user, ip);
        const actor = actorOf(user);
        await audit.record({
          actor: { id: actor.id, name: actor.displayName, role: actor.role, divisionCode: actor.divisionCode },
          ip, action: 'auth.login', targetType: 'staff', targetId: actor.id, result: 'success', detail: null,
        });
        return opened;
      } catch (error) {
        if (error instanceof AppError) {
          await audit.record({
            actor: null, actorLabel: username, ip, action: 'auth.login', targetType: 'staff', targetId: null,
            result: 'failure', detail: error.code,
          });
        }
        throw error;
      }
    },

    /** Resolves a cookie token; ends the session if it idled out, the account was disabled or its password reset. */
    async authenticate(token: string): Promise<{ actor: StaffActor; sessionId: string; csrfToken: string; passwordChangeRequired: PasswordChangeReason | null }> {
      const id = tokenHash(token);
      const session = await Session.findById(id).lean();
      const now = Date.now();
      if (!session || session.expiresAt.getTime() <= now) throw new AppError('SESSION_EXPIRED');
      const user = await staff.findById(session.userId);
      if (!user || user.status === 'disabled' || user.passwordChangedAt > session.createdAt) {
        await Session.deleteOne({ _id: id });
        throw new AppError('SESSION_EXPIRED');
      }
      if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
        await Session.updateOne({ _id: id }, { $set: { lastSeenAt: new Date(now), expiresAt: new Date(now + IDLE_TIMEOUT_MS) } });
      }
      return { actor: actorOf(user), sessionId: id, csrfToken: session.csrfToken, passwordChangeRequired: staff.passwordChangeRequired(user) };
    },

    async me(actor: StaffActor, csrfToken: string): Promise<StaffSession> {
      const user = await staff.findById(actor.id);
      if (!user) throw new AppError('SESSION_EXPIRED');
      return { user: await staff.present(user), csrfToken, passwordChangeRequired: staff.passwordChangeRequired(user) };
    },

    logout: async (sessionId: string) => void (await Session.deleteOne({ _id: sessionId })),

    /**
     * A password change ends every session of the account and opens a fresh one for this browser.
     * Its current-password check is counted by the same lock-out as sign-in, from the same address.
     */
    async changePassword(actor: StaffActor, currentPassword: string, newPassword: string, ip: string) {
      await staff.changeOwnPassword(actor.id, currentPassword, newPassword, addressSource(ip));
      await Session.deleteMany({ userId: actor.id });
      const user = await staff.findById(actor.id);
      if (!user) throw new AppError('SESSION_EXPIRED');
      return openSession(user, ip);
    },

    purgeExpired: async () => (await Session.deleteMany({ expiresAt: { $lte: new Date() } })).deletedCount,
  };
}

export type StaffAuthService = ReturnType<typeof createStaffAuthService>;
