import type { Connection } from 'mongoose';
import { createChangeToken, createKeyedTokenCache } from '../../db/change-token';
import type { PasswordChangeReason, StaffSession } from '@anqian/shared';
import type { StaffActor } from '../../security/staff-actor';
import { AppError } from '../../errors';
import { newToken, tokenHash } from '../../security/tokens';
import type { AuditService } from '../audit/audit.service';
import { addressSource } from '../staff/login-throttle';
import { STAFF_ACCOUNTS_CHANGE_TOKEN, type StaffService } from '../staff/staff.service';
import type { StaffUserRecord } from '../staff/staff-user.model';
import { staffSessionModel } from './staff-session.model';

export const IDLE_TIMEOUT_MS = 30 * 60_000;
/** Sliding the idle deadline on every request would make every read a write. */
const TOUCH_INTERVAL_MS = 30_000;
/** Signed-in sessions remembered between two account changes; beyond this the memory starts again. */
const SESSIONS_REMEMBERED = 10_000;

type StaffSessionRecord = { userId: string; csrfToken: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date };
type SignedInStaff = { session: StaffSessionRecord; user: StaffUserRecord | null };

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

  /**
   * Each session and its account, kept in memory until an account changes or a session ends
   * anywhere (`staff-accounts`): a busy console then costs the shared token read per request
   * instead of two reads. The idle deadline slides in the database and in this process's memory;
   * another process whose copy looks idle reads the session again before refusing it.
   */
  const accountChanges = createChangeToken(deps.connection, STAFF_ACCOUNTS_CHANGE_TOKEN);
  const signedIn = createKeyedTokenCache<SignedInStaff>(accountChanges, SESSIONS_REMEMBERED);

  async function lookUp(id: string): Promise<SignedInStaff> {
    const session = await Session.findById(id).lean<StaffSessionRecord>();
    if (!session) throw new AppError('SESSION_EXPIRED');
    return { session, user: await staff.findById(session.userId) };
  }

  async function endSessions(filter: { _id: string } | { userId: string }): Promise<void> {
    await Session.deleteMany(filter);
    await accountChanges.bump();
  }

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
      const now = Date.now();
      let remembered = await signedIn.get(id, () => lookUp(id));
      if (remembered.session.expiresAt.getTime() <= now) {
        // Another process may have slid the deadline since this copy was read.
        await signedIn.forget(id);
        remembered = await signedIn.get(id, () => lookUp(id));
      }
      const { session, user } = remembered;
      if (session.expiresAt.getTime() <= now) throw new AppError('SESSION_EXPIRED');
      if (!user || user.status === 'disabled' || user.passwordChangedAt > session.createdAt) {
        await endSessions({ _id: id });
        throw new AppError('SESSION_EXPIRED');
      }
      if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
        const slid = { lastSeenAt: new Date(now), expiresAt: new Date(now + IDLE_TIMEOUT_MS) };
        await Session.updateOne({ _id: id }, { $set: slid });
        await signedIn.replace(id, remembered, { session: { ...session, ...slid }, user });
      }
      return { actor: actorOf(user), sessionId: id, csrfToken: session.csrfToken, passwordChangeRequired: staff.passwordChangeRequired(user) };
    },

    async me(actor: StaffActor, csrfToken: string): Promise<StaffSession> {
      const user = await staff.findById(actor.id);
      if (!user) throw new AppError('SESSION_EXPIRED');
      return { user: await staff.present(user), csrfToken, passwordChangeRequired: staff.passwordChangeRequired(user) };
    },

    logout: (sessionId: string) => endSessions({ _id: sessionId }),

    /**
     * A password change ends every session of the account and opens a fresh one for this browser.
     * Its current-password check is counted by the same lock-out as sign-in, from the same address.
     */
    async changePassword(actor: StaffActor, currentPassword: string, newPassword: string, ip: string) {
      await staff.changeOwnPassword(actor.id, currentPassword, newPassword, addressSource(ip));
      await endSessions({ userId: actor.id });
      const user = await staff.findById(actor.id);
      if (!user) throw new AppError('SESSION_EXPIRED');
      return openSession(user, ip);
    },

    purgeExpired: async () => (await Session.deleteMany({ expiresAt: { $lte: new Date() } })).deletedCount,
  };
}

export type StaffAuthService = ReturnType<typeof createStaffAuthService>;
