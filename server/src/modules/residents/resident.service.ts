import type { Connection } from 'mongoose';
import { PRIVACY_NOTICE, type Resident, type ResidentTokens } from '@anqian/shared';
import type { StaffActor } from '../../security/staff-actor';
import { AppError } from '../../errors';
import { createChangeToken, createKeyedTokenCache } from '../../db/change-token';
import { WechatApiError, WechatUnavailableError } from '../../integrations/wechat/wechat-client';
import type { FieldCrypto } from '../../security/field-crypto';
import { newToken, tokenHash } from '../../security/tokens';
import type { AuditService } from '../audit/audit.service';
import type { DivisionsService } from '../divisions/divisions.service';
import type { StaffService } from '../staff/staff.service';
import type { StaffUserRecord } from '../staff/staff-user.model';
import { presentResident } from './resident.presenter';
import { residentModel, type ResidentRecord } from './resident.model';
import { residentSessionModel } from './resident-session.model';

const ACCESS_TTL_S = 2 * 60 * 60;
const REFRESH_TTL_S = 30 * 24 * 60 * 60;
/** Access tokens remembered between two session changes; beyond this the memory starts again. */
const SIGNED_IN_LIMIT = 50_000;

type SignedIn = { id: string; hasConsent: boolean; hasSensitiveConsent: boolean };

/** The part of the WeChat client sign-in needs. */
export type ResidentWechat = {
  code2Session(code: string): Promise<{ openid: string; sessionKey: string; unionid?: string }>;
  getPhoneNumber(code: string): Promise<{ purePhoneNumber: string }>;
};

/** WeChat's answers, in terms a resident can act on. */
function fromWechat(error: unknown, invalidCode: 'WECHAT_CODE_INVALID' | 'PHONE_CODE_INVALID'): never {
  if (error instanceof WechatApiError) {
    if (error.kind === 'invalid_code') throw new AppError(invalidCode);
    if (error.kind === 'rate_limited') throw new AppError('RATE_LIMITED');
    if (error.kind === 'high_risk') throw new AppError('FORBIDDEN', '微信提示该账号存在风险，暂时无法登录');
    throw new AppError('WECHAT_UNAVAILABLE');
  }
  if (error instanceof WechatUnavailableError) throw new AppError('WECHAT_UNAVAILABLE');
  throw error;
}

export function createResidentService(deps: {
  connection: Connection;
  crypto: FieldCrypto;
  wechat: ResidentWechat;
  staff: StaffService;
  divisions: DivisionsService;
  audit: AuditService;
}) {
  const ResidentModel = residentModel(deps.connection);
  const Session = residentSessionModel(deps.connection);
  const { crypto, wechat, staff, divisions, audit } = deps;

  /**
   * Who each access token belongs to, kept in memory until a session or a consent changes anywhere
   * (sign-out, refresh, consent given or withdrawn bump `resident-sessions` after their write): a
   * busy resident then costs one shared token read per request instead of two reads.
   */
  const sessionChanges = createChangeToken(deps.connection, 'resident-sessions');
  const signedIn = createKeyedTokenCache<{ accessExpiresAt: number; who: SignedIn }>(sessionChanges, SIGNED_IN_LIMIT);

  async function lookUpSession(hash: string) {
    const session = await Session.findById(hash).lean();
    if (!session || session.rotatedAt) throw new AppError('SESSION_EXPIRED');
    const resident = await ResidentModel.findById(session.residentId, { consent: 1 }).lean();
    if (!resident) throw new AppError('SESSION_EXPIRED');
    const hasConsent = resident.consent?.version === PRIVACY_NOTICE.version;
    return { accessExpiresAt: session.accessExpiresAt.getTime(), who: { id: session.residentId, hasConsent, hasSensitiveConsent: hasConsent && Boolean(resident.consent?.sensitive) } };
  }

  /**
   * The linked village cadre account while it may act: like a staff session, the link ends when the
   * account is disabled, stops being a village cadre, or its password is changed or reset.
   */
  async function linkedCadre(resident: ResidentRecord): Promise<StaffUserRecord | null> {
    if (!resident.cadre) return null;
    const user = await staff.findById(resident.cadre.staffId);
    if (!user || user.status !== 'active' || user.role !== 'village_cadre') return null;
    if (user.passwordChangedAt > resident.cadre.linkedAt || staff.passwordChangeRequired(user)) return null;
    return user;
  }

  async function present(resident: ResidentRecord): Promise<Resident> {
    const cadre = await linkedCadre(resident);
    return presentResident(
      resident,
      crypto,
      cadre && { displayName: cadre.displayName, villageCode: cadre.divisionCode, villageName: await divisions.nameOf(cadre.divisionCode) },
    );
  }

  async function issueTokens(resident: ResidentRecord, familyId = newToken()): Promise<ResidentTokens> {
    const accessToken = newToken();
    const refreshToken = newToken();
    const now = Date.now();
    await Session.create({
      _id: tokenHash(accessToken),
      refreshHash: tokenHash(refreshToken),
      residentId: resident._id.toString(),
      familyId,
      accessExpiresAt: new Date(now + ACCESS_TTL_S * 1000),
      refreshExpiresAt: new Date(now + REFRESH_TTL_S * 1000),
    });
    return { accessToken, refreshToken, expiresIn: ACCESS_TTL_S, resident: await present(resident) };
  }

  async function load(residentId: string): Promise<ResidentRecord> {
    const resident = await ResidentModel.findById(residentId).lean<ResidentRecord>();
    if (!resident) throw new AppError('UNAUTHENTICATED');
    return resident;
  }

  return {
    async loginWithCode(code: string): Promise<ResidentTokens> {
      const session = await wechat.code2Session(code).catch((error) => fromWechat(error, 'WECHAT_CODE_INVALID'));
      const resident = await ResidentModel.findOneAndUpdate(
        { openid: session.openid },
        {
          $set: { sessionKeyEnc: crypto.encrypt(session.sessionKey), lastLoginAt: new Date(), ...(session.unionid && { unionid: session.unionid }) },
          $setOnInsert: { openid: session.openid },
        },
        { upsert: true, new: true },
      ).lean<ResidentRecord>();
      return issueTokens(resident!);
    },

    /**
     * Rotation: a refresh token is exchanged once, by one conditional update, so of concurrent
     * exchanges one wins. A token used again (a copy in someone else's hands, or a lost race) ends
     * every pair descended from the same sign-in; the resident signs in again.
     */
    async refresh(refreshToken: string): Promise<ResidentTokens> {
      const refreshHash = tokenHash(refreshToken);
      const old = await Session.findOneAndUpdate({ refreshHash, rotatedAt: null }, { $set: { rotatedAt: new Date() } }).lean();
      if (!old) {
        const used = await Session.findOne({ refreshHash }, { familyId: 1 }).lean();
        if (used) {
          await Session.deleteMany(used.familyId ? { familyId: used.familyId } : { _id: used._id });
          await sessionChanges.bump();
        }
        throw new AppError('SESSION_EXPIRED');
      }
      await sessionChanges.bump();
      if (old.refreshExpiresAt.getTime() <= Date.now()) throw new AppError('SESSION_EXPIRED');
      return issueTokens(await load(old.residentId), old.familyId ?? undefined);
    },

    async logout(accessToken: string): Promise<void> {
      await Session.deleteOne({ _id: tokenHash(accessToken) });
      await sessionChanges.bump();
    },

    async authenticate(accessToken: string): Promise<SignedIn> {
      const hash = tokenHash(accessToken);
      const entry = await signedIn.get(hash, () => lookUpSession(hash));
      if (entry.accessExpiresAt <= Date.now()) throw new AppError('SESSION_EXPIRED');
      return entry.who;
    },

    me: async (residentId: string): Promise<Resident> => present(await load(residentId)),

    /** For subscribe messages: null once the resident is gone. */
    openidOf: async (residentId: string): Promise<string | null> =>
      (await ResidentModel.findById(residentId, { openid: 1 }).lean<{ openid: string }>())?.openid ?? null,

    /** The bound phone in full, for an audited reveal by staff of the resident's area; null when none. */
    async phoneOf(residentId: string): Promise<string | null> {
      const resident = await ResidentModel.findById(residentId, { phone: 1 }).lean<Pick<ResidentRecord, 'phone'>>();
      return resident?.phone ? crypto.decrypt(resident.phone.enc) : null;
    },

    async acceptConsent(residentId: string, version: string, sensitive: boolean): Promise<Resident> {
      if (version !== PRIVACY_NOTICE.version) {
        throw new AppError('VALIDATION_FAILED', '隐私指引已更新，请重新阅读后再同意', [{ field: 'body.version', message: `当前版本是 ${PRIVACY_NOTICE.version}` }]);
      }
      const now = new Date();
      const events = [{ action: 'accept', version, scope: 'personal', at: now }];
      if (sensitive) events.push({ action: 'accept', version, scope: 'sensitive', at: now });
      const updated = await ResidentModel.findOneAndUpdate(
        { _id: residentId },
        {
          $set: { consent: { version, acceptedAt: now, sensitive, sensitiveAcceptedAt: sensitive ? now : null } },
          $push: { consentHistory: { $each: events } },
        },
        { new: true },
      ).lean<ResidentRecord>();
      await sessionChanges.bump();
      return present(updated!);
    },

    /** Withdrawing everything also erases the phone number we hold; the history of consent stays. */
    async withdrawConsent(residentId: string, scope: 'sensitive' | 'all'): Promise<Resident> {
      const resident = await load(residentId);
      const version = resident.consent?.version ?? PRIVACY_NOTICE.version;
      // Without a consent there is nothing sensitive to switch off (and `consent.x` on null fails in MongoDB).
      const set =
        scope === 'all'
          ? { consent: null, phone: null }
          : resident.consent
            ? { 'consent.sensitive': false, 'consent.sensitiveAcceptedAt': null }
            : {};
      const updated = await ResidentModel.findOneAndUpdate(
        { _id: residentId },
        { $set: set, $push: { consentHistory: { action: 'withdraw', version, scope, at: new Date() } } },
        { new: true },
      ).lean<ResidentRecord>();
      await sessionChanges.bump();
      return present(updated!);
    },

    async bindPhone(residentId: string, code: string): Promise<Resident> {
      const info = await wechat.getPhoneNumber(code).catch((error) => fromWechat(error, 'PHONE_CODE_INVALID'));
      const updated = await ResidentModel.findOneAndUpdate(
        { _id: residentId },
        { $set: { phone: crypto.seal(info.purePhoneNumber) } },
        { new: true },
      ).lean<ResidentRecord>();
      return present(updated!);
    },

    /**
     * A village cadre signs in with their staff account on this WeChat. The same credential check
     * as the admin console (lock-out after failures) applies, and the attempt is audited like a sign-in.
     */
    async linkCadre(residentId: string, username: string, password: string, ip: string): Promise<Resident> {
      try {
        // Counted per WeChat account: one resident's guesses never block the cadre's link from another phone.
        const user = await staff.verifyCredentials(username, password, `resident:${residentId}`);
        if (user.role !== 'village_cadre') throw new AppError('FORBIDDEN', '只有村干部账号可以在小程序中关联');
        if (staff.passwordChangeRequired(user)) throw new AppError('PASSWORD_CHANGE_REQUIRED', '请先在管理后台登录并修改密码，再来关联');
        const updated = await ResidentModel.findOneAndUpdate(
          { _id: residentId },
          { $set: { cadre: { staffId: user._id.toString(), linkedAt: new Date() } } },
          { new: true },
        ).lean<ResidentRecord>();
        await audit.record({
          actor: { id: user._id.toString(), name: user.displayName, role: user.role, divisionCode: user.divisionCode },
          ip, action: 'auth.cadre-link', targetType: 'resident', targetId: residentId, result: 'success', detail: null,
        });
        return present(updated!);
      } catch (error) {
        if (error instanceof AppError) {
          await audit.record({
            actor: null, actorLabel: username, ip, action: 'auth.cadre-link', targetType: 'resident', targetId: residentId,
            result: 'failure', detail: error.code,
          });
        }
        throw error;
      }
    },

    async unlinkCadre(residentId: string): Promise<Resident> {
      const updated = await ResidentModel.findOneAndUpdate({ _id: residentId }, { $set: { cadre: null } }, { new: true }).lean<ResidentRecord>();
      return present(updated!);
    },

    /** The staff member behind a cadre request from the mini-program; refused once the link no longer holds. */
    async cadreActor(residentId: string): Promise<StaffActor> {
      const resident = await load(residentId);
      if (!resident.cadre) throw new AppError('FORBIDDEN', '请先在“我的”页面关联村干部账号');
      const user = await linkedCadre(resident);
      if (!user) throw new AppError('FORBIDDEN', '村干部账号已停用或密码已更改，请重新关联');
      return { id: user._id.toString(), username: user.username, displayName: user.displayName, role: user.role, divisionCode: user.divisionCode };
    },

    purgeExpired: async () => (await Session.deleteMany({ refreshExpiresAt: { $lte: new Date() } })).deletedCount,
  };
}

export type ResidentService = ReturnType<typeof createResidentService>;
