import type { Connection } from 'mongoose';
import { PRIVACY_NOTICE, type Resident, type ResidentTokens } from '@anqian/shared';
import { AppError } from '../../errors';
import { WechatApiError, WechatUnavailableError } from '../../integrations/wechat/wechat-client';
import type { FieldCrypto } from '../../security/field-crypto';
import { newToken, tokenHash } from '../../security/tokens';
import { presentResident } from './resident.presenter';
import { residentModel, type ResidentRecord } from './resident.model';
import { residentSessionModel } from './resident-session.model';

const ACCESS_TTL_S = 2 * 60 * 60;
const REFRESH_TTL_S = 30 * 24 * 60 * 60;

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

export function createResidentService(deps: { connection: Connection; crypto: FieldCrypto; wechat: ResidentWechat }) {
  const ResidentModel = residentModel(deps.connection);
  const Session = residentSessionModel(deps.connection);
  const { crypto, wechat } = deps;

  async function issueTokens(resident: ResidentRecord): Promise<ResidentTokens> {
    const accessToken = newToken();
    const refreshToken = newToken();
    const now = Date.now();
    await Session.create({
      _id: tokenHash(accessToken),
      refreshHash: tokenHash(refreshToken),
      residentId: resident._id.toString(),
      accessExpiresAt: new Date(now + ACCESS_TTL_S * 1000),
      refreshExpiresAt: new Date(now + REFRESH_TTL_S * 1000),
    });
    return { accessToken, refreshToken, expiresIn: ACCESS_TTL_S, resident: presentResident(resident, crypto) };
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

    /** Rotation: a refresh token works once; the old pair is gone when the new one is issued. */
    async refresh(refreshToken: string): Promise<ResidentTokens> {
      const old = await Session.findOneAndDelete({ refreshHash: tokenHash(refreshToken) }).lean();
      if (!old || old.refreshExpiresAt.getTime() <= Date.now()) throw new AppError('SESSION_EXPIRED');
      return issueTokens(await load(old.residentId));
    },

    logout: async (accessToken: string) => void (await Session.deleteOne({ _id: tokenHash(accessToken) })),

    async authenticate(accessToken: string): Promise<{ id: string; hasConsent: boolean }> {
      const session = await Session.findById(tokenHash(accessToken)).lean();
      if (!session || session.accessExpiresAt.getTime() <= Date.now()) throw new AppError('SESSION_EXPIRED');
      const resident = await ResidentModel.findById(session.residentId, { consent: 1 }).lean();
      if (!resident) throw new AppError('SESSION_EXPIRED');
      return { id: session.residentId, hasConsent: resident.consent?.version === PRIVACY_NOTICE.version };
    },

    me: async (residentId: string): Promise<Resident> => presentResident(await load(residentId), crypto),

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
      return presentResident(updated!, crypto);
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
      return presentResident(updated!, crypto);
    },

    async bindPhone(residentId: string, code: string): Promise<Resident> {
      const info = await wechat.getPhoneNumber(code).catch((error) => fromWechat(error, 'PHONE_CODE_INVALID'));
      const updated = await ResidentModel.findOneAndUpdate(
        { _id: residentId },
        { $set: { phone: crypto.seal(info.purePhoneNumber) } },
        { new: true },
      ).lean<ResidentRecord>();
      return presentResident(updated!, crypto);
    },

    purgeExpired: async () => (await Session.deleteMany({ refreshExpiresAt: { $lte: new Date() } })).deletedCount,
  };
}

export type ResidentService = ReturnType<typeof createResidentService>;
