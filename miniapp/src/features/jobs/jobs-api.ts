import type { JobPosting, JobPostingSummary, Page, ResidentJobApplication, Resume, ResumeBody, ResumeHouseholdMember } from '@anqian/shared';
import { request } from '@/lib/request';
import { postingListPath, type PostingFilter } from './posting-query';

// Postings are public like policies: no token, and the pages show their own 重试, so no extra dialog.
const quiet = { auth: false, retryPrompt: false } as const;

export type ResumeAnswer = {
  resume: Resume | null;
  /** Empty when the resident has no verified household: the page hides the member picker. */
  householdMembers: ResumeHouseholdMember[];
};

export function listPostings(filter: PostingFilter, page: number): Promise<Page<JobPostingSummary>> {
  return request<Page<JobPostingSummary>>(postingListPath(filter, page), quiet);
}

export function getPosting(id: string): Promise<JobPosting> {
  return request<JobPosting>(`/resident/job-postings/${encodeURIComponent(id)}`, quiet);
}

export async function getResume(): Promise<ResumeAnswer> {
  const answer = await request<Partial<ResumeAnswer>>('/resident/resume', { retryPrompt: false });
  return { resume: answer.resume ?? null, householdMembers: answer.householdMembers ?? [] };
}

export function saveResume(body: ResumeBody): Promise<Resume> {
  return request<Resume>('/resident/resume', { method: 'PUT', data: body });
}

/** A second tap answers with the application already made, never a new one. */
export function applyTo(postingId: string): Promise<ResidentJobApplication> {
  return request<ResidentJobApplication>(`/resident/job-postings/${encodeURIComponent(postingId)}/apply`, { method: 'POST', data: {} });
}

export async function listMyApplications(): Promise<ResidentJobApplication[]> {
  const { items } = await request<{ items: ResidentJobApplication[] }>('/resident/job-applications', { retryPrompt: false });
  return items;
}

export function getMyApplication(id: string): Promise<ResidentJobApplication> {
  return request<ResidentJobApplication>(`/resident/job-applications/${encodeURIComponent(id)}`, { retryPrompt: false });
}

export function withdrawApplication(id: string): Promise<ResidentJobApplication> {
  return request<ResidentJobApplication>(`/resident/job-applications/${encodeURIComponent(id)}/withdraw`, { method: 'POST', data: {} });
}
