import { ERRORS, type ErrorCode, type ErrorDetail } from '@anqian/shared';

/** Codes the client produces itself when the server never answered with our error body. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly requestId?: string,
  ) {
    super(message);
  }
}

export function isApiError(error: unknown, code?: ApiError['code']): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type QueryValue = string | number | boolean | null | undefined;

export type RequestOptions = {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /**
   * Error codes the caller shows itself (in a form, an inline error state…), so no toast is shown
   * for them. `true` means the caller handles every error.
   */
  expected?: ErrorCode[] | true;
  /** Sign-in and the session probe must not bounce to the sign-in page on 401. */
  skipAuthRedirect?: boolean;
};

type Handlers = {
  /** A staff route answered 401: the session is gone. */
  onUnauthorized: (error: ApiError) => void;
  /** The server insists on a password change before anything else. */
  onPasswordChangeRequired: () => void;
  /** An error nobody on the page will show. */
  onUnexpectedError: (error: ApiError) => void;
};

let handlers: Handlers = {
  onUnauthorized: () => undefined,
  onPasswordChangeRequired: () => undefined,
  onUnexpectedError: () => undefined,
};

/** Wired once by the app shell, which owns navigation and the toast outlet. */
export function configureApiClient(next: Handlers): void {
  handlers = next;
}

let csrfToken: string | null = null;

/** Set from every StaffSession the server hands out; sent on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const SESSION_CODES: ReadonlySet<string> = new Set<ErrorCode>(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

async function toApiError(response: Response): Promise<ApiError> {
  const requestId = response.headers.get('X-Request-Id') ?? undefined;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const details = Array.isArray(error.details) ? (error.details as ErrorDetail[]) : [];
    return new ApiError(response.status, error.code as ErrorCode, error.message, details, requestId);
  }
  // A proxy or gateway answered instead of our server.
  const message = response.status >= 500 ? ERRORS.INTERNAL.message : `请求失败（${response.status}），请稍后再试`;
  return new ApiError(response.status, 'BAD_RESPONSE', message, [], requestId);
}

function encodeBody(body: unknown): BodyInit | undefined {
  if (body === undefined) return undefined;
  // The browser sets the multipart boundary itself.
  return body instanceof FormData ? body : JSON.stringify(body);
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined && !(options.body instanceof FormData)) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'include',
      body: encodeBody(options.body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试');
  }
}

/** A stale CSRF token (for example after the session was renewed in another tab) is refreshed once. */
async function refreshCsrfToken(): Promise<boolean> {
  const response = await send('GET', '/auth/me', {}).catch(() => null);
  if (!response?.ok) return false;
  const session = (await response.json()) as { csrfToken?: unknown };
  if (typeof session.csrfToken !== 'string') return false;
  setCsrfToken(session.csrfToken);
  return true;
}

type Parse<T> = (response: Response) => Promise<T>;

const parseJson = <T>(response: Response): Promise<T> =>
  response.status === 204 ? Promise.resolve(undefined as T) : (response.json() as Promise<T>);

async function request<T>(method: string, path: string, options: RequestOptions = {}, parse: Parse<T> = parseJson): Promise<T> {
  let response: Response;
  try {
    response = await send(method, path, options);
    if (response.status === 403 && method !== 'GET') {
      const retry = response.clone();
      const error = await toApiError(retry);
      if (error.code === 'CSRF_INVALID' && (await refreshCsrfToken())) response = await send(method, path, options);
    }
  } catch (error) {
    if (error instanceof ApiError) report(error, options);
    throw error;
  }

  if (response.ok) {
    try {
      return await parse(response);
    } catch {
      const error = new ApiError(response.status, 'BAD_RESPONSE', '服务器返回的内容无法识别，请稍后再试');
      report(error, options);
      throw error;
    }
  }

  const error = await toApiError(response);
  if (error.status === 401 && SESSION_CODES.has(error.code) && !options.skipAuthRedirect) {
    handlers.onUnauthorized(error);
  } else if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
    handlers.onPasswordChangeRequired();
  } else {
    report(error, options);
  }
  throw error;
}

function report(error: ApiError, options: RequestOptions): void {
  const expected = options.expected === true || (options.expected?.includes(error.code as ErrorCode) ?? false);
  if (!expected) handlers.onUnexpectedError(error);
}

export type DownloadedFile = { blob: Blob; filename: string };

/** `attachment; filename*=UTF-8''台账.xlsx` (RFC 6266), falling back to the plain `filename=`. */
function filenameFrom(disposition: string | null, fallback: string): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      return fallback;
    }
  }
  return disposition?.match(/filename="?([^";]+)"?/i)?.[1] ?? fallback;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('PUT', path, { ...options, body }),
  delete: <T = void>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('DELETE', path, options),
  /** multipart/form-data, with the session cookie and the CSRF header like every other write. */
  upload: <T>(path: string, form: FormData, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...options, body: form }),
  /** A file answer (Excel ledgers): errors still arrive as our JSON error body. */
  download: (path: string, fallbackName: string, options?: Omit<RequestOptions, 'body'>) =>
    request<DownloadedFile>('GET', path, options, async (response) => ({
      blob: await response.blob(),
      filename: filenameFrom(response.headers.get('Content-Disposition'), fallbackName),
    })),
};

/** Hands a downloaded file to the browser's save dialog. */
export function saveFile({ blob, filename }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
