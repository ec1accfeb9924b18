import type { JobFair, Page, ResidentJobFairSignup, ResidentSignup } from '@anqian/shared';
import { ApiError, request } from '@/lib/request';

// Fairs are public like postings: no token, and the pages show their own 重试.
const quiet = { auth: false, retryPrompt: false } as const;

const FAIR_PAGE_SIZE = 10;

export function listFairs(page: number): Promise<Page<JobFair>> {
  return request<Page<JobFair>>(`/resident/job-fairs?page=${page}&pageSize=${FAIR_PAGE_SIZE}`, quiet);
}

export function getFair(id: string): Promise<JobFair> {
  return request<JobFair>(`/resident/job-fairs/${encodeURIComponent(id)}`, quiet);
}

/** A second sign-up answers with the first one, ticket included. */
export function signUp(fairId: string, name: string): Promise<ResidentSignup> {
  return request<ResidentSignup>(`/resident/job-fairs/${encodeURIComponent(fairId)}/signup`, { method: 'POST', data: { name } });
}

/** The resident's sign-up for one fair with its ticket; `signup` is null when there is none. */
export async function mySignup(fairId: string): Promise<{ signup: ResidentJobFairSignup | null }> {
  try {
    return { signup: await request<ResidentJobFairSignup>(`/resident/job-fairs/${encodeURIComponent(fairId)}/signup`, { retryPrompt: false }) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { signup: null };
    throw error;
  }
}

export function cancelSignup(fairId: string): Promise<ResidentJobFairSignup> {
  return request<ResidentJobFairSignup>(`/resident/job-fairs/${encodeURIComponent(fairId)}/signup/cancel`, { method: 'POST', data: {} });
}

export async function listMySignups(): Promise<ResidentJobFairSignup[]> {
  const { items } = await request<{ items: ResidentJobFairSignup[] }>('/resident/job-fair-signups', { retryPrompt: false });
  return items;
}
