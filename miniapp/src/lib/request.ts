import Taro from '@tarojs/taro';
import { ERRORS, type ErrorBody, type ErrorCode, type ErrorDetail } from '@anqian/shared';
import { confirmDialog } from './dialog';
import { API_BASE } from './env';
import { loadTokens } from './storage';

/** Codes the client produces itself, next to the server's stable codes. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR' | 'BAD_RESPONSE';

export const NETWORK_MESSAGE = '网络不给力，请检查网络后重试';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  data?: Record<string, unknown>;
  /** Send the resident's token. Off for sign-in calls themselves. */
  auth?: boolean;
  /** On 401, renew the session once and retry. Off for sign-out, where a 401 is the goal anyway. */
  renew?: boolean;
  /** Prefix for the path; '' for same-origin dev endpoints such as /fake-wechat. */
  baseUrl?: string;
  /** Offer 重试 in a dialog when the network is down. Off for background refreshes. */
  retryPrompt?: boolean;
};

type ResponseBody = string | TaroGeneral.IAnyObject | ArrayBuffer;

/** Weak mobile signal is normal for our residents: wait a while, but not WeChat's full 60 s. */
const TIMEOUT_MS = 20_000;

type SessionRenewer = () => Promise<boolean>;
let renewSession: SessionRenewer | null = null;

/** auth.ts plugs in how to get a fresh token; kept as a hook so this file does not import auth. */
export function setSessionRenewer(renewer: SessionRenewer): void {
  renewSession = renewer;
}

/** Renew this long before the access token expires, to save a 401 round trip on a slow network. */
const EXPIRY_MARGIN_MS = 30_000;

export function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { auth = true, renew = true } = options;
  return withRenewal(auth && renew, () => send<T>(path, options));
}

export type UploadOptions = {
  /** The multipart field name the server reads. */
  name: string;
  onProgress?: (percent: number) => void;
};

/** Photos take longer than JSON on a weak signal. */
const UPLOAD_TIMEOUT_MS = 60_000;

/**
 * A multipart upload with the same token, renewal and error bodies as request(). No retry dialog:
 * the caller shows the failure next to the file, with its own retry.
 */
export function upload<T>(path: string, filePath: string, options: UploadOptions): Promise<T> {
  return withRenewal(true, () => sendUpload<T>(path, filePath, options));
}

/**
 * 401s about what the resident typed (a village cadre's password), not about the token: renewing
 * and retrying would only count one more failed sign-in towards the lock-out.
 */
const CREDENTIAL_ERRORS: ReadonlySet<ClientErrorCode> = new Set(['INVALID_CREDENTIALS', 'CURRENT_PASSWORD_WRONG']);

async function withRenewal<T>(renewable: boolean, call: () => Promise<T>): Promise<T> {
  const tokens = renewable ? loadTokens() : null;
  const hadToken = tokens !== null;
  if (tokens && renewSession && tokens.expiresAt - EXPIRY_MARGIN_MS < Date.now()) await renewSession();
  try {
    return await call();
  } catch (error) {
    const expired = error instanceof ApiError && error.status === 401 && !CREDENTIAL_ERRORS.has(error.code);
    if (expired && hadToken && renewSession && (await renewSession())) {
      return call();
    }
    throw error;
  }
}

/** Files (policy PDFs) may be large on a weak signal. */
const DOWNLOAD_TIMEOUT_MS = 60_000;

/**
 * Downloads a file the API serves behind the resident's token, with the same renewal as request().
 * Resolves to a local path (weapp) or a blob URL (H5). The error body of a failed download lands in
 * a temp file, so failures are told apart by status alone.
 */
export function download(path: string): Promise<string> {
  return withRenewal(true, () => sendDownload(path));
}

async function sendDownload(path: string): Promise<string> {
  const tokens = loadTokens();
  const header: Record<string, string> = tokens ? { Authorization: `Bearer ${tokens.accessToken}` } : {};
  let response: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    response = await Taro.downloadFile({ url: `${API_BASE}${path}`, header, timeout: DOWNLOAD_TIMEOUT_MS });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_MESSAGE);
  }
  const { statusCode } = response;
  if (statusCode >= 200 && statusCode < 300) return response.tempFilePath;
  const code: ClientErrorCode =
    statusCode === 401 ? 'UNAUTHENTICATED' : statusCode === 404 ? 'NOT_FOUND' : statusCode >= 500 ? 'INTERNAL' : 'BAD_RESPONSE';
  throw new ApiError(statusCode, code, messageFor(code));
}

async function sendUpload<T>(path: string, filePath: string, { name, onProgress }: UploadOptions): Promise<T> {
  const tokens = loadTokens();
  const header: Record<string, string> = tokens ? { Authorization: `Bearer ${tokens.accessToken}` } : {};
  let response: Taro.uploadFile.SuccessCallbackResult;
  try {
    const task = Taro.uploadFile({ url: `${API_BASE}${path}`, filePath, name, header, timeout: UPLOAD_TIMEOUT_MS });
    if (onProgress) task.progress(({ progress }) => onProgress(progress));
    response = await task;
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_MESSAGE);
  }
  // uploadFile hands the body back as text on every platform.
  return unwrap<T>({ statusCode: response.statusCode, data: parseJson(response.data) });
}

function parseJson(text: string): ResponseBody {
  try {
    return JSON.parse(text) as ResponseBody;
  } catch {
    return text;
  }
}

async function send<T>(path: string, options: RequestOptions): Promise<T> {
  const { method = 'GET', data, auth = true, baseUrl = API_BASE, retryPrompt = true } = options;
  for (;;) {
    const header: Record<string, string> = { 'Content-Type': 'application/json' };
    const tokens = auth ? loadTokens() : null;
    if (tokens) header.Authorization = `Bearer ${tokens.accessToken}`;

    let response: Taro.request.SuccessCallbackResult<ResponseBody>;
    try {
      response = await Taro.request<ResponseBody>({ url: `${baseUrl}${path}`, method, data, header, timeout: TIMEOUT_MS });
    } catch {
      if (retryPrompt && (await askToRetry())) continue;
      throw new ApiError(0, 'NETWORK_ERROR', NETWORK_MESSAGE);
    }
    return unwrap<T>(response);
  }
}

type RawResponse = { statusCode: number; data: ResponseBody; header?: Record<string, string> };

function unwrap<T>(response: RawResponse): T {
  const { statusCode, data } = response;
  if (statusCode >= 200 && statusCode < 300) {
    return (statusCode === 204 ? undefined : data) as T;
  }
  const requestId = headerValue(response.header, 'x-request-id');
  const body = typeof data === 'object' && data !== null ? (data as Partial<ErrorBody>) : null;
  if (body?.error?.code) {
    const { code, message, details, requestId: bodyRequestId } = body.error;
    throw new ApiError(statusCode, code, message || messageFor(code), details, bodyRequestId ?? requestId);
  }
  // A gateway or proxy answered instead of our API (HTML error page, empty body).
  const code: ClientErrorCode = statusCode >= 500 ? 'INTERNAL' : 'BAD_RESPONSE';
  throw new ApiError(statusCode, code, messageFor(code), [], requestId);
}

function messageFor(code: ClientErrorCode): string {
  if (code === 'NETWORK_ERROR') return NETWORK_MESSAGE;
  if (code === 'BAD_RESPONSE') return '服务暂时不可用，请稍后再试';
  // A newer server may send a code this build does not know yet.
  return (ERRORS as Partial<Record<string, { message: string }>>)[code]?.message ?? '操作没有成功，请稍后再试';
}

function headerValue(header: Record<string, string> | undefined, name: string): string | undefined {
  if (!header) return undefined;
  const key = Object.keys(header).find((candidate) => candidate.toLowerCase() === name);
  return key ? header[key] : undefined;
}

let retryDialog: Promise<boolean> | null = null;

/** One dialog for all requests that failed together, so a dead network shows one question. */
function askToRetry(): Promise<boolean> {
  retryDialog ??= confirmDialog({ title: '连接失败', content: NETWORK_MESSAGE, confirmText: '重试' }).finally(() => {
    retryDialog = null;
  });
  return retryDialog;
}

/** A message a resident can act on, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '操作没有成功，请稍后再试';
}
