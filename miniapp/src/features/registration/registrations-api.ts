import type { ResidentRegistration, ResubmitRegistrationBody, Site } from '@anqian/shared';
import { ApiError, request } from '@/lib/request';

export async function listMyRegistrations(): Promise<ResidentRegistration[]> {
  const { items } = await request<{ items: ResidentRegistration[] }>('/resident/registrations');
  return items;
}

export function getRegistration(id: string): Promise<ResidentRegistration> {
  return request<ResidentRegistration>(`/resident/registrations/${encodeURIComponent(id)}`);
}

/** Who the form submits for: the resident's own household, or a household a village cadre enters. */
export type SubmitTarget = 'self' | 'cadre';

export function submitRegistration(
  target: SubmitTarget,
  idempotencyKey: string,
  body: ResubmitRegistrationBody,
): Promise<ResidentRegistration> {
  return request<ResidentRegistration>(target === 'cadre' ? '/resident/cadre/registrations' : '/resident/registrations', {
    method: 'POST',
    data: { idempotencyKey, ...body },
  });
}

/** A registration a village cadre entered for a household of their village (only that cadre may read it). */
export function getCadreRegistration(id: string): Promise<ResidentRegistration> {
  return request<ResidentRegistration>(`/resident/cadre/registrations/${encodeURIComponent(id)}`);
}

export function resubmitRegistration(id: string, body: ResubmitRegistrationBody): Promise<ResidentRegistration> {
  return resubmitAt(`/resident/registrations/${encodeURIComponent(id)}`, body, () => getRegistration(id));
}

/** The cadre corrects a returned registration they entered: the household has no say in the mini-program. */
export function resubmitCadreRegistration(id: string, body: ResubmitRegistrationBody): Promise<ResidentRegistration> {
  return resubmitAt(`/resident/cadre/registrations/${encodeURIComponent(id)}`, body, () => getCadreRegistration(id));
}

/**
 * A correction has no submit key: when a retry after a timeout finds the registration already back
 * in 已提交, the first attempt went through, and that is the answer.
 */
async function resubmitAt(
  path: string,
  body: ResubmitRegistrationBody,
  reload: () => Promise<ResidentRegistration>,
): Promise<ResidentRegistration> {
  try {
    return await request<ResidentRegistration>(path, { method: 'PUT', data: body });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'REGISTRATION_TRANSITION_NOT_ALLOWED') {
      const current = await reload();
      if (current.status === 'submitted') return current;
    }
    throw error;
  }
}

export function withdrawRegistration(id: string): Promise<ResidentRegistration> {
  return request<ResidentRegistration>(`/resident/registrations/${encodeURIComponent(id)}/withdraw`, { method: 'POST', data: {} });
}

export async function listSites(): Promise<Site[]> {
  const { items } = await request<{ items: Site[] }>('/resident/sites');
  return items;
}

export async function listCadreRegistrations(): Promise<ResidentRegistration[]> {
  const { items } = await request<{ items: ResidentRegistration[] }>('/resident/cadre/registrations');
  return items;
}
