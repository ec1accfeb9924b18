import type { Resident } from '@anqian/shared';
import { setResident } from '@/lib/auth';
import { request } from '@/lib/request';

/** A village cadre links their staff account to this WeChat to register households of their village. */
export async function linkCadre(username: string, password: string): Promise<Resident> {
  const resident = await request<Resident>('/resident/cadre-link', { method: 'POST', data: { username, password } });
  setResident(resident);
  return resident;
}

export async function unlinkCadre(): Promise<Resident> {
  const resident = await request<Resident>('/resident/cadre-link', { method: 'DELETE' });
  setResident(resident);
  return resident;
}
