/**
 * The request wrapper as the registration pages use it: a wrong village-cadre password must count
 * as one failed sign-in (no token renewal and silent retry), an expired token is still renewed, and
 * photo uploads carry the token and come back as parsed results or resident-facing errors.
 */
import { ApiError, request, setSessionRenewer, upload } from '../src/lib/request';

type Answer = { statusCode: number; data: unknown };

const taro = {
  request: jest.fn<Promise<Answer>, [{ url: string; header: Record<string, string> }]>(),
  uploadFile: jest.fn(),
  storage: new Map<string, unknown>(),
};

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    request: (options: { url: string; header: Record<string, string> }) => taro.request(options),
    uploadFile: (options: unknown) => taro.uploadFile(options),
    getStorageSync: (key: string) => taro.storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void taro.storage.set(key, value),
    removeStorageSync: (key: string) => void taro.storage.delete(key),
    showModal: () => Promise.resolve({ confirm: false }),
  },
}));

const errorBody = (code: string, message: string) => ({ error: { code, message } });
const renewer = jest.fn<Promise<boolean>, []>();

beforeEach(() => {
  taro.request.mockReset();
  taro.uploadFile.mockReset();
  renewer.mockReset();
  taro.storage.set('aq.tokens.v1', { accessToken: 'old-token', refreshToken: 'refresh-token-value', expiresAt: Date.now() + 3_600_000 });
  setSessionRenewer(renewer);
});

it('a wrong cadre password is sent once and reported, without renewing the session', async () => {
  taro.request.mockResolvedValue({ statusCode: 401, data: errorBody('INVALID_CREDENTIALS', '用户名或密码错误') });

  const attempt = request('/resident/cadre-link', { method: 'POST', data: { username: 'village_cadre', password: 'wrong' } });

  await expect(attempt).rejects.toEqual(expect.objectContaining({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' }));
  expect(taro.request).toHaveBeenCalledTimes(1);
  expect(renewer).not.toHaveBeenCalled();
});

it('an expired token is renewed once and the call retried with the new token', async () => {
  taro.request
    .mockResolvedValueOnce({ statusCode: 401, data: errorBody('SESSION_EXPIRED', '登录已过期，请重新登录') })
    .mockResolvedValueOnce({ statusCode: 200, data: { items: [] } });
  renewer.mockImplementation(async () => {
    taro.storage.set('aq.tokens.v1', { accessToken: 'new-token', refreshToken: 'refresh-token-value', expiresAt: Date.now() + 3_600_000 });
    return true;
  });

  await expect(request('/resident/registrations')).resolves.toEqual({ items: [] });
  expect(renewer).toHaveBeenCalledTimes(1);
  expect(taro.request.mock.calls.map(([options]) => options.header.Authorization)).toEqual(['Bearer old-token', 'Bearer new-token']);
});

function uploadTask(answer: Answer | Error, progress: number[] = []) {
  const promise = answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  return Object.assign(promise, {
    progress(listener: (update: { progress: number }) => void) {
      progress.forEach((value) => listener({ progress: value }));
    },
  });
}

it('uploads a photo as field "file" with the token, reports progress and parses the text body', async () => {
  const photo = { id: 'a'.repeat(24), mimeType: 'image/jpeg', size: 1234, uploadedAt: '2025-01-01T00:00:00Z' };
  taro.uploadFile.mockReturnValue(uploadTask({ statusCode: 201, data: JSON.stringify(photo) }, [40, 100]));
  const seen: number[] = [];

  await expect(upload('/resident/photos', 'wxfile://tmp/house.jpg', { name: 'file', onProgress: (p) => seen.push(p) })).resolves.toEqual(photo);
  expect(taro.uploadFile).toHaveBeenCalledWith(
    expect.objectContaining({ filePath: 'wxfile://tmp/house.jpg', name: 'file', header: { Authorization: 'Bearer old-token' } }),
  );
  expect(seen).toEqual([40, 100]);
});

it('a refused photo and a dropped connection both come back as messages a resident can act on', async () => {
  taro.uploadFile.mockReturnValueOnce(
    uploadTask({ statusCode: 400, data: JSON.stringify(errorBody('PHOTO_TYPE_INVALID', '只能上传 JPG、PNG 或 WebP 格式的照片')) }),
  );
  await expect(upload('/resident/photos', 'tmp.gif', { name: 'file' })).rejects.toEqual(
    expect.objectContaining({ code: 'PHOTO_TYPE_INVALID', message: '只能上传 JPG、PNG 或 WebP 格式的照片' }),
  );

  taro.uploadFile.mockReturnValueOnce(uploadTask(new Error('uploadFile:fail timeout')));
  const dropped = upload('/resident/photos', 'tmp.jpg', { name: 'file' });
  await expect(dropped).rejects.toBeInstanceOf(ApiError);
  await expect(dropped).rejects.toEqual(expect.objectContaining({ code: 'NETWORK_ERROR', message: '网络不给力，请检查网络后重试' }));
});
