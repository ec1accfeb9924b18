/**
 * Build-time settings read from the environment once, when Taro loads the config. Only values that
 * are safe to ship inside the client belong here: never the WeChat AppSecret.
 */
export type BuildEnv = { apiBase: string; appId: string };

const DEFAULT_API_BASE = 'https://anqian.example.gov.cn/api';
const PLACEHOLDER_APPID = 'touristappid';

export function readBuildEnv(source: NodeJS.ProcessEnv = process.env): BuildEnv {
  const apiBase = (source.TARO_APP_API_BASE || DEFAULT_API_BASE).replace(/\/+$/, '');
  const appId = source.TARO_APP_WECHAT_APPID || source.TARO_APP_ID || PLACEHOLDER_APPID;

  let url: URL;
  try {
    url = new URL(apiBase);
  } catch {
    throw new Error(`TARO_APP_API_BASE must be an absolute URL, got "${apiBase}"`);
  }
  // WeChat only allows HTTPS to a registered domain; plain http to this machine is tolerated for
  // the developer tools (with domain checks off), anything else would fail on every phone.
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (source.TARO_ENV === 'weapp' && url.protocol !== 'https:' && !local) {
    throw new Error(`TARO_APP_API_BASE must use https for the weapp build, got "${apiBase}"`);
  }
  if (!/^(wx[0-9a-f]{16}|touristappid)$/.test(appId)) {
    throw new Error(`TARO_APP_WECHAT_APPID must look like wx + 16 hex characters, got "${appId}"`);
  }
  return { apiBase, appId };
}
