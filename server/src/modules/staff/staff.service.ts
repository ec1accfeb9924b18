import type { Connection } from 'mongoose';
import { createChangeToken } from '../../db/change-token';
import { escapeRegex } from '../../db/escape-regex';
import {
  ROLE_DIVISION_LEVEL,
  passwordProblems,
  type CreateStaffBody,
  type ListStaffQuery,
  type Page,
  type PasswordChangeReason,
  type StaffRole,
  type StaffUser,
  type UpdateStaffBody,
} from '@anqian/shared';
import type { StaffActor } from '../../security/staff-actor';
import { AppError, notFound } from '../../errors';
import type { FieldCrypto } from '../../security/field-crypto';
import { hashPassword, temporaryPassword, verifyPassword } from '../../security/passwords';
import { assertInScope, divisionFilter } from '../../security/scope';
import type { DivisionsService } from '../divisions/divisions.service';
import { createLoginThrottle } from './login-throttle';
import { presentStaff } from './staff.presenter';
import { staffUserModel, type StaffUserRecord } from './staff-user.model';

export const PASSWORD_MAX_AGE_DAYS = 90;
const PASSWORD_HISTORY = 5;
/**
 * Bumped after every change to an existing account and every end of a session: signed-in staff are
 * kept in memory (the staff-auth service) until it moves.
 */
export const STAFF_ACCOUNTS_CHANGE_TOKEN = 'staff-accounts';

export function createStaffService(deps: { connection: Connection; crypto: FieldCrypto; divisions: DivisionsService }) {
  const StaffUserModel = staffUserModel(deps.connection);
  const throttle = createLoginThrottle(deps.connection);
  const accountChanges = createChangeToken(deps.connection, STAFF_ACCOUNTS_CHANGE_TOKEN);
  const { crypto, divisions } = deps;

  async function present(user: StaffUserRecord, lockedUntil?: Date | null): Promise<StaffUser> {
    const locked = lockedUntil === undefined ? (await throttle.lockedUntil([user.username])).get(user.username) ?? null : lockedUntil;
    return presentStaff(user, { divisionName: await divisions.nameOf(user.divisionCode), lockedUntil: locked, crypto });
  }

  async function scopedUser(actor: StaffActor, id: string): Promise<StaffUserRecord> {
    const user = await StaffUserModel.findOne({ _id: id, ...divisionFilter(actor) }).lean<StaffUserRecord>();
    if (!user) throw notFound('账号不存在');
    return user;
  }

  /**
   * Role and division must fit together and stay inside the actor's own scope. A code this county
   * does not have is a bad input (400 on the field), not someone else's area.
   */
  async function assertAssignable(actor: StaffActor, role: StaffRole, divisionCode: string) {
    await divisions.assertExists(divisionCode, 'body.divisionCode', ROLE_DIVISION_LEVEL[role]);
    assertInScope(actor, divisionCode);
  }

  async function setPassword(userId: string, password: string, reason: 'first_login' | 'reset' | null, history: string[]) {
    const hash = await hashPassword(password);
    const now = new Date();
    await StaffUserModel.updateOne(
      { _id: userId },
      {
        $set: {
          passwordHash: hash,
          passwordHistory: [hash, ...history].slice(0, PASSWORD_HISTORY),
          passwordChangedAt: now,
          passwordChangeReason: reason,
        },
      },
    );
    await accountChanges.bump();
  }

  return {
    async findById(id: string): Promise<StaffUserRecord | null> {
      return StaffUserModel.findById(id).lean<StaffUserRecord>();
    },

    present,

    purgeStaleLoginCounts: () => throttle.purgeStale(),

    passwordChangeRequired(user: StaffUserRecord): PasswordChangeReason | null {
      if (user.passwordChangeReason) return user.passwordChangeReason;
      const age = Date.now() - user.passwordChangedAt.getTime();
      return age > PASSWORD_MAX_AGE_DAYS * 86_400_000 ? 'expired' : null;
    },

    /**
     * Checks a sign-in from `source` (see `addressSource`; callers that name none share one source
     * per account). A locked account is refused before the password is looked at, and a disabled
     * one answers exactly like an unknown user name, whatever the password: refusing it only after
     * the right password would let anyone test its password. Every refusal is counted.
     */
    async verifyCredentials(username: string, password: string, source: string): Promise<StaffUserRecord> {
      await throttle.assertNotLocked(username, source);
      const user = await StaffUserModel.findOne({ username }).lean<StaffUserRecord>();
      const valid = user ? await verifyPassword(user.passwordHash, password) : await hashPassword(password).then(() => false);
      if (!user || !valid || user.status === 'disabled') {
        await throttle.recordFailure(username, source);
        throw new AppError('INVALID_CREDENTIALS');
      }
      await throttle.recordSuccess(username, source);
      await StaffUserModel.updateOne({ _id: user._id }, { $set: { lastLoginAt: new Date() } });
      return user;
    },

    /** A wrong current password counts against the lock-out exactly like a failed sign-in. */
    async changeOwnPassword(userId: string, currentPassword: string, newPassword: string, source: string): Promise<void> {
      const user = await StaffUserModel.findById(userId).lean<StaffUserRecord>();
      if (!user) throw notFound();
      await throttle.assertNotLocked(user.username, source);
      if (!(await verifyPassword(user.passwordHash, currentPassword))) {
        await throttle.recordFailure(user.username, source);
        throw new AppError('CURRENT_PASSWORD_WRONG');
      }
      await throttle.recordSuccess(user.username, source);
      const problems = passwordProblems(newPassword, user.username);
      if (problems.length) {
        throw new AppError('VALIDATION_FAILED', undefined, problems.map((p) => ({ field: 'body.newPassword', message: `新密码${p}` })));
      }
      for (const old of user.passwordHistory) {
        if (await verifyPassword(old, newPassword)) throw new AppError('PASSWORD_REUSED');
      }
      await setPassword(userId, newPassword, null, user.passwordHistory);
    },

    async list(actor: StaffActor, query: ListStaffQuery): Promise<Page<StaffUser>> {
      const filter: Record<string, unknown> = { ...divisionFilter(actor) };
      if (query.divisionCode) {
        assertInScope(actor, query.divisionCode);
        filter.divisionCode = query.divisionCode;
      }
      if (query.role) filter.role = query.role;
      if (query.status) filter.status = query.status;
      if (query.q) {
        const pattern = { $regex: escapeRegex(query.q), $options: 'i' };
        filter.$or = [{ username: pattern }, { displayName: pattern }];
      }
      const [users, total] = await Promise.all([
        StaffUserModel.find(filter)
          .sort({ createdAt: -1, _id: -1 })
          .skip((query.page - 1) * query.pageSize)
          .limit(query.pageSize)
          .lean<StaffUserRecord[]>(),
        StaffUserModel.countDocuments(filter),
      ]);
      const lockedBy = await throttle.lockedUntil(users.map((u) => u.username));
      const items = await Promise.all(users.map((u) => present(u, lockedBy.get(u.username) ?? null)));
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    /** The separate permission PIPL asks for before ledgers leave with full ID numbers and phones. */
    async canExportPersonalData(id: string): Promise<boolean> {
      return (await StaffUserModel.exists({ _id: id, status: 'active', canExportPersonalData: true })) !== null;
    },

    async get(actor: StaffActor, id: string): Promise<StaffUser> {
      return present(await scopedUser(actor, id));
    },

    async create(actor: StaffActor, body: CreateStaffBody, options: { password?: string; mustChange?: boolean } = {}) {
      await assertAssignable(actor, body.role, body.divisionCode);
      if (await StaffUserModel.exists({ username: body.username })) throw new AppError('USERNAME_TAKEN');
      const password = options.password ?? temporaryPassword();
      const hash = await hashPassword(password);
      try {
        const created = await StaffUserModel.create({
          username: body.username,
          displayName: body.displayName,
          role: body.role,
          divisionCode: body.divisionCode,
          phone: body.phone ? crypto.seal(body.phone) : null,
          canExportPersonalData: body.canExportPersonalData ?? false,
          passwordHash: hash,
          passwordHistory: [hash],
          passwordChangedAt: new Date(),
          passwordChangeReason: options.mustChange === false ? null : 'first_login',
          createdBy: actor.id,
        });
        return { user: await present(created.toObject() as StaffUserRecord, null), temporaryPassword: password };
      } catch (error) {
        if ((error as { code?: number }).code === 11000) throw new AppError('USERNAME_TAKEN');
        throw error;
      }
    },

    async update(actor: StaffActor, id: string, body: UpdateStaffBody): Promise<StaffUser> {
      const user = await scopedUser(actor, id);
      const role = body.role ?? user.role;
      const divisionCode = body.divisionCode ?? user.divisionCode;
      if (user._id.toString() === actor.id && (role !== user.role || divisionCode !== user.divisionCode)) {
        throw new AppError('FORBIDDEN', '不能修改自己的角色或所属区划');
      }
      if (body.role || body.divisionCode) await assertAssignable(actor, role, divisionCode);
      const set: Record<string, unknown> = { role, divisionCode };
      if (body.displayName !== undefined) set.displayName = body.displayName;
      if (body.phone !== undefined) set.phone = body.phone === null ? null : crypto.seal(body.phone);
      if (body.canExportPersonalData !== undefined) set.canExportPersonalData = body.canExportPersonalData;
      const updated = await StaffUserModel.findOneAndUpdate({ _id: user._id }, { $set: set }, { new: true }).lean<StaffUserRecord>();
      await accountChanges.bump();
      return present(updated!);
    },

    async resetPassword(actor: StaffActor, id: string): Promise<{ temporaryPassword: string }> {
      const user = await scopedUser(actor, id);
      const password = temporaryPassword();
      await setPassword(user._id.toString(), password, 'reset', user.passwordHistory);
      return { temporaryPassword: password };
    },

    async unlock(actor: StaffActor, id: string): Promise<StaffUser> {
      const user = await scopedUser(actor, id);
      await throttle.unlock(user.username);
      return present(user, null);
    },

    async setStatus(actor: StaffActor, id: string, status: 'active' | 'disabled'): Promise<StaffUser> {
      const user = await scopedUser(actor, id);
      if (user._id.toString() === actor.id) throw new AppError('FORBIDDEN', '不能停用或启用自己的账号');
      const updated = await StaffUserModel.findOneAndUpdate({ _id: user._id }, { $set: { status } }, { new: true }).lean<StaffUserRecord>();
      await accountChanges.bump();
      return present(updated!);
    },

    async revealPhone(actor: StaffActor, id: string): Promise<{ phone: string | null }> {
      const user = await scopedUser(actor, id);
      return { phone: user.phone ? crypto.decrypt(user.phone.enc) : null };
    },

    /** Demo data for development: one account per role, usable at once (no forced change). */
    async ensureAccount(body: CreateStaffBody, password: string): Promise<void> {
      if (await StaffUserModel.exists({ username: body.username })) return;
      const hash = await hashPassword(password);
      await StaffUserModel.create({
        ...body,
        phone: body.phone ? crypto.seal(body.phone) : null,
        passwordHash: hash,
        passwordHistory: [hash],
        passwordChangedAt: new Date(),
        passwordChangeReason: null,
      });
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
