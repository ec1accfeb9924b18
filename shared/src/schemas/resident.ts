import { z } from 'zod';

export const residentLoginBodySchema = z.object({
  code: z.string('缺少微信登录凭证').min(1, '缺少微信登录凭证').max(128, '微信登录凭证格式不正确'),
});

export const refreshBodySchema = z.object({
  refreshToken: z.string('缺少刷新凭证').min(16, '刷新凭证格式不正确').max(256, '刷新凭证格式不正确'),
});

export const consentBodySchema = z.object({
  version: z.string('缺少隐私指引版本').min(1, '缺少隐私指引版本').max(32, '隐私指引版本格式不正确'),
  sensitive: z.boolean('请说明是否同意处理敏感个人信息'),
});

export const withdrawConsentBodySchema = z.object({
  scope: z.enum(['sensitive', 'all'], '撤回范围应为 sensitive 或 all'),
});

export const bindPhoneBodySchema = z.object({
  code: z.string('缺少手机号授权凭证').min(1, '缺少手机号授权凭证').max(128, '手机号授权凭证格式不正确'),
});

/** One-time subscribe-message templates the mini-program asks for; the server maps keys to template ids. */
export const SUBSCRIBE_TEMPLATE_KEYS = ['registration_status', 'job_application_status', 'event_reminder', 'hazard_alert', 'request_reply', 'training_status'] as const;
export type SubscribeTemplateKey = (typeof SUBSCRIBE_TEMPLATE_KEYS)[number];

/** Each accepted one-time template allows the server to send one message. */
export const subscriptionGrantBodySchema = z.object({
  accepted: z.array(z.enum(SUBSCRIBE_TEMPLATE_KEYS, '订阅消息模板不正确'), '订阅结果应为列表').max(SUBSCRIBE_TEMPLATE_KEYS.length),
});

export type Resident = {
  id: string;
  phoneMasked: string | null;
  /** Set when a village cadre has linked their staff account on this WeChat: they may register for households of their village. */
  cadre: null | { displayName: string; villageCode: string; villageName: string };
  consent: null | { version: string; acceptedAt: string; sensitive: boolean };
  currentPrivacyVersion: string;
};

export type ResidentTokens = {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  resident: Resident;
};
