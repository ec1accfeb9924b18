import type { Resident } from '@anqian/shared';
import { setResident } from '@/lib/auth';
import { request } from '@/lib/request';

/** Exchange a getPhoneNumber code (single use, 5 minutes) for the resident's bound phone. */
export async function bindPhone(code: string): Promise<Resident> {
  const resident = await request<Resident>('/resident/phone', { method: 'POST', data: { code } });
  setResident(resident);
  return resident;
}

/** H5 has no getPhoneNumber button: the development fake WeChat server issues the code. */
export async function devPhoneCode(): Promise<string> {
  const { code } = await request<{ code: string }>('/fake-wechat/dev/phone-code', {
    method: 'POST',
    data: { phoneNumber: '13800138000' },
    auth: false,
    baseUrl: '',
  });
  return code;
}
