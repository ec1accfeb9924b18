/**
 * Errors thrown by the WeChat client. Callers branch on `kind` (what to tell the resident, whether
 * a retry makes sense) rather than on raw errcodes; the errcode stays available for logs.
 */

export type WechatErrorKind =
  | 'invalid_code'
  | 'rate_limited'
  | 'high_risk'
  | 'refused'
  | 'bad_data'
  | 'bad_page'
  | 'busy'
  | 'other';

const KIND_BY_ERRCODE: Record<number, WechatErrorKind> = {
  40029: 'invalid_code',
  40163: 'invalid_code', // "code been used"
  45011: 'rate_limited',
  40226: 'high_risk',
  43101: 'refused',
  47003: 'bad_data',
  41030: 'bad_page',
  [-1]: 'busy',
};

export function wechatErrorKind(errcode: number): WechatErrorKind {
  return KIND_BY_ERRCODE[errcode] ?? 'other';
}

/** WeChat answered with a non-zero errcode (or we refused to send data WeChat would reject). */
export class WechatApiError extends Error {
  override readonly name = 'WechatApiError';
  readonly kind: WechatErrorKind;

  constructor(
    readonly endpoint: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat ${endpoint} failed: ${errcode} ${errmsg}`);
    this.kind = wechatErrorKind(errcode);
  }
}

/**
 * WeChat could not be reached or did not answer like WeChat: network failure, timeout, 5xx,
 * a body that is not the expected JSON. Safe to retry later; never carries the request URL,
 * which holds the secret or the access token.
 */
export class WechatUnavailableError extends Error {
  override readonly name = 'WechatUnavailableError';

  constructor(
    readonly endpoint: string,
    readonly reason: string,
  ) {
    super(`WeChat ${endpoint} unavailable: ${reason}`);
  }
}
