import path from 'node:path';
import { z } from 'zod';

const repoRoot = path.resolve(__dirname, '../..');

/** Secrets that ship in docs or examples; production refuses to start with any of them. */
const KNOWN_DEFAULT_SECRETS = new Set(['changeme', 'change-me', 'secret', 'dev-secret', 'replace-me']);

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0'], '应为 true 或 false')
  .transform((value) => value === 'true' || value === '1');

/** A blank value in a .env file means "not set". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production'], '应为 development、test 或 production').default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  MONGODB_URI: optional(z.string().regex(/^mongodb(\+srv)?:\/\//, '应以 mongodb:// 开头')),
  EMBEDDED_DB_DIR: z.string().min(1).default(path.join(repoRoot, 'data', 'db')),
  UPLOAD_DIR: z.string().min(1).default(path.join(repoRoot, 'data', 'uploads')),
  WECHAT_TEMPLATE_REGISTRATION_STATUS: z.string().min(1).default('tmpl-registration-status'),
  WECHAT_TEMPLATE_JOB_APPLICATION_STATUS: z.string().min(1).default('tmpl-job-application-status'),
  WECHAT_TEMPLATE_EVENT_REMINDER: z.string().min(1).default('tmpl-event-reminder'),
  WECHAT_TEMPLATE_HAZARD_ALERT: z.string().min(1).default('tmpl-hazard-alert'),
  WECHAT_TEMPLATE_REQUEST_REPLY: z.string().min(1).default('tmpl-request-reply'),
  WECHAT_TEMPLATE_TRAINING_STATUS: z.string().min(1).default('tmpl-training-status'),
  WECHAT_CONTENT_CHECK_OPENID: z.string().min(1).default('content-check-operator'),
  MONGODB_DB: z.string().regex(/^[A-Za-z0-9_-]{1,48}$/, '只能包含字母、数字、下划线和短横线').default('anqian'),
  COUNTY_CODE: z.string().regex(/^\d{6}$/, '应为 6 位县级行政区划代码').default('532329'),
  SESSION_SECRET: optional(z.string()),
  ENCRYPTION_KEY: optional(z.string()),
  ADMIN_ORIGIN: optional(z.url('应为完整的网址')),
  TRUST_PROXY: booleanFromEnv.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WECHAT_API_BASE: optional(z.url('应为完整的网址')),
  WECHAT_APP_ID: optional(z.string()),
  WECHAT_APP_SECRET: optional(z.string()),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(180, '审计日志至少保留 180 天').default(365),
  BODY_LIMIT_KB: z.coerce.number().int().min(1).max(10240).default(256),
  NOTICE_MIN_DAYS: z.coerce.number('应为天数').int('应为整天数').min(1, '公示期至少 1 天').max(90, '公示期最长设为 90 天').default(7),
  CLOCK_OFFSET_FILE: optional(z.string()),
  CJK_FONT_PATH: z.string().min(1).default('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'),
  ADMIN_DIST: z.string().default(path.join(repoRoot, 'admin/dist')),
  H5_DIST: z.string().default(path.join(repoRoot, 'miniapp/dist/h5')),
});

export type Config = {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  mongodbUri: string | undefined;
  mongodbDb: string;
  embeddedDbDir: string;
  /** Photos and other uploads; outside every web root. */
  uploadDir: string;
  countyCode: string;
  sessionSecret: Buffer;
  encryptionKey: Buffer;
  adminOrigin: string | undefined;
  trustProxy: boolean;
  logLevel: string;
  /** Outside production with no WECHAT_API_BASE, the server talks to its own fake WeChat API. */
  wechat: {
    apiBase: string;
    useFake: boolean;
    appId: string;
    appSecret: string;
    templates: { registration_status: string; job_application_status: string; event_reminder: string; hazard_alert: string; request_reply: string; training_status: string };
    /**
     * msg_sec_check (v2) checks text on behalf of a user who opened the mini-program within two
     * hours; staff texts (job postings) are checked as this operator's openid.
     */
    contentCheckOpenid: string;
  };
  auditRetentionDays: number;
  bodyLimitKb: number;
  /** The county's shortest public-notice period (公示期), in days counting both ends. */
  noticeMinDays: number;
  /** Tests outside production only: a file holding how many days the server's calendar runs ahead. */
  clockOffsetFile: string | undefined;
  /**
   * A Chinese font (TrueType or a .ttc collection) for the 公示 PDF. Without it the PDF route
   * answers 503 and staff print the notice's print page from the browser instead.
   */
  cjkFontPath: string;
  adminDist: string;
  h5Dist: string;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Secrets are base64 or hex strings of at least 32 random bytes. */
function decodeSecret(name: string, value: string | undefined): Buffer {
  if (!value) throw new ConfigError(`${name} 未设置：需要至少 32 字节的随机密钥（base64 或 hex）`);
  if (KNOWN_DEFAULT_SECRETS.has(value.toLowerCase())) throw new ConfigError(`${name} 使用了示例默认值，请生成新的随机密钥`);
  const bytes = /^[0-9a-f]+$/i.test(value) && value.length % 2 === 0 ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (bytes.length < 32) throw new ConfigError(`${name} 太短：需要至少 32 字节（现在 ${bytes.length} 字节）`);
  if (new Set(bytes).size < 8) throw new ConfigError(`${name} 不像随机生成的密钥，请重新生成`);
  return bytes;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`环境变量有误：\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && (!e.WECHAT_APP_ID || !e.WECHAT_APP_SECRET)) {
    throw new ConfigError('生产环境必须设置 WECHAT_APP_ID 和 WECHAT_APP_SECRET');
  }
  if (production && e.CLOCK_OFFSET_FILE) throw new ConfigError('CLOCK_OFFSET_FILE 只用于测试，生产环境不能设置');
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    mongodbUri: e.MONGODB_URI,
    mongodbDb: e.MONGODB_DB,
    embeddedDbDir: e.EMBEDDED_DB_DIR,
    uploadDir: e.UPLOAD_DIR,
    countyCode: e.COUNTY_CODE,
    sessionSecret: decodeSecret('SESSION_SECRET', e.SESSION_SECRET),
    encryptionKey: decodeSecret('ENCRYPTION_KEY', e.ENCRYPTION_KEY),
    adminOrigin: e.ADMIN_ORIGIN,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    wechat: {
      apiBase: e.WECHAT_API_BASE ?? 'https://api.weixin.qq.com',
      useFake: !production && !e.WECHAT_API_BASE,
      appId: e.WECHAT_APP_ID ?? 'wx-dev-appid',
      appSecret: e.WECHAT_APP_SECRET ?? 'dev-wechat-app-secret-not-for-production',
      templates: {
        registration_status: e.WECHAT_TEMPLATE_REGISTRATION_STATUS,
        job_application_status: e.WECHAT_TEMPLATE_JOB_APPLICATION_STATUS,
        event_reminder: e.WECHAT_TEMPLATE_EVENT_REMINDER,
        hazard_alert: e.WECHAT_TEMPLATE_HAZARD_ALERT,
        request_reply: e.WECHAT_TEMPLATE_REQUEST_REPLY,
        training_status: e.WECHAT_TEMPLATE_TRAINING_STATUS,
      },
      contentCheckOpenid: e.WECHAT_CONTENT_CHECK_OPENID,
    },
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    bodyLimitKb: e.BODY_LIMIT_KB,
    noticeMinDays: e.NOTICE_MIN_DAYS,
    clockOffsetFile: e.CLOCK_OFFSET_FILE,
    cjkFontPath: e.CJK_FONT_PATH,
    adminDist: e.ADMIN_DIST,
    h5Dist: e.H5_DIST,
  };
}
