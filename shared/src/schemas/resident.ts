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

export type Resident = {
  id: string;
  phoneMasked: string | null;
  consent: null | { version: string; acceptedAt: string; sensitive: boolean };
  currentPrivacyVersion: string;
};

export type ResidentTokens = {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  resident: Resident;
};
