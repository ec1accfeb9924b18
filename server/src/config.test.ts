import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './config';

const secret = (bytes = 32) => randomBytes(bytes).toString('base64');

const production = (overrides: Record<string, string | undefined> = {}) => ({
  NODE_ENV: 'production',
  MONGODB_URI: 'mongodb://db.internal:27017',
  SESSION_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
  WECHAT_APP_ID: 'wx1234567890abcdef',
  WECHAT_APP_SECRET: 'a-real-app-secret',
  ...overrides,
});

const development = (overrides: Record<string, string | undefined> = {}) => ({
  NODE_ENV: 'development',
  SESSION_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
  ...overrides,
});

function refusal(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig in production', () => {
  it('accepts a complete configuration and talks to the real WeChat API', () => {
    const env = production();
    const config = loadConfig(env);

    expect(config.env).toBe('production');
    expect(config.sessionSecret).toEqual(Buffer.from(env.SESSION_SECRET, 'base64'));
    expect(config.encryptionKey).toHaveLength(32);
    expect(config.wechat).toEqual({
      apiBase: 'https://api.weixin.qq.com',
      useFake: false,
      appId: 'wx1234567890abcdef',
      appSecret: 'a-real-app-secret',
      // Each subscribe template has a default id; the console's ids are set per deployment.
      templates: expect.objectContaining({ registration_status: 'tmpl-registration-status', job_application_status: 'tmpl-job-application-status' }),
      contentCheckOpenid: 'content-check-operator',
    });
  });

  describe.each(['SESSION_SECRET', 'ENCRYPTION_KEY'])('%s', (name) => {
    it.each([
      ['missing', undefined],
      ['blank', ''],
      ['a known default', 'changeme'],
      ['a known default in capitals', 'CHANGEME'],
      ['shorter than 32 bytes (base64)', secret(24)],
      ['shorter than 32 bytes (hex)', randomBytes(31).toString('hex')],
      ['not random', 'ab'.repeat(32)],
    ])('refuses one that is %s, naming the variable', (_case, value) => {
      expect(refusal(production({ [name]: value })).message).toContain(name);
    });

    it('accepts 32 random bytes in hex', () => {
      expect(loadConfig(production({ [name]: randomBytes(32).toString('hex') }))).toBeDefined();
    });
  });

  it.each([['WECHAT_APP_ID'], ['WECHAT_APP_SECRET']])('refuses to start without %s', (name) => {
    expect(refusal(production({ [name]: undefined })).message).toContain(name);
  });

  it('refuses a clock offset file, which only tests may use to move the calendar', () => {
    expect(refusal(production({ CLOCK_OFFSET_FILE: '/tmp/clock-offset' })).message).toContain('CLOCK_OFFSET_FILE');
    expect(loadConfig(development({ CLOCK_OFFSET_FILE: '/tmp/clock-offset' })).clockOffsetFile).toBe('/tmp/clock-offset');
  });
});

describe('loadConfig input checks', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['MONGODB_URI', 'http://db.internal:27017'],
    ['NODE_ENV', 'staging'],
    ['AUDIT_RETENTION_DAYS', '30'],
    ['ADMIN_ORIGIN', 'not a url'],
    ['NOTICE_MIN_DAYS', '0'],
    ['NOTICE_MIN_DAYS', 'seven'],
  ])('names %s when it is %p', (name, value) => {
    expect(refusal(development({ [name]: value })).message).toContain(`${name}:`);
  });

  it('reads numbers and flags', () => {
    const config = loadConfig(development({ PORT: '8080', TRUST_PROXY: 'true', BODY_LIMIT_KB: '64' }));
    expect(config).toMatchObject({ port: 8080, trustProxy: true, bodyLimitKb: 64, noticeMinDays: 7 });
    expect(loadConfig(development({ NOTICE_MIN_DAYS: '10' })).noticeMinDays).toBe(10);
  });
});

describe('loadConfig WeChat defaults outside production', () => {
  it('uses the built-in fake WeChat when no WECHAT_API_BASE is set', () => {
    const config = loadConfig(development());
    expect(config.wechat.useFake).toBe(true);
    expect(config.wechat.appId).toBe('wx-dev-appid');
  });

  it('treats a blank WECHAT_API_BASE as not set', () => {
    expect(loadConfig(development({ WECHAT_API_BASE: '' })).wechat.useFake).toBe(true);
  });

  it('uses the given WECHAT_API_BASE instead of the fake', () => {
    const config = loadConfig(development({ WECHAT_API_BASE: 'http://127.0.0.1:4010' }));
    expect(config.wechat).toMatchObject({ useFake: false, apiBase: 'http://127.0.0.1:4010' });
  });
});
