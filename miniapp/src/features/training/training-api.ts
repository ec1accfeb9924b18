import type { Course, Page, ResidentRegistration, ResidentTrainingApplication, TrainingMemberChoice } from '@anqian/shared';
import { request } from '@/lib/request';
import { courseListPath, type CourseFilter } from './course-query';

// Courses are public like job postings: no token, and the pages show their own 重试.
const quiet = { auth: false, retryPrompt: false } as const;

const coursePath = (id: string) => `/resident/training/courses/${encodeURIComponent(id)}`;
const applicationPath = (id: string) => `/resident/training/applications/${encodeURIComponent(id)}`;

export function listCourses(filter: CourseFilter, page: number): Promise<Page<Course>> {
  return request<Page<Course>>(courseListPath(filter, page), quiet);
}

export function getCourse(id: string): Promise<Course> {
  return request<Course>(coursePath(id), quiet);
}

/** The resident's verified household members, each with whether this course takes them. */
export async function listMemberChoices(courseId: string): Promise<TrainingMemberChoice[]> {
  const { items } = await request<{ items: TrainingMemberChoice[] }>(`${coursePath(courseId)}/members`, { retryPrompt: false });
  return items;
}

/** Applying again for the same member answers the application already made. */
export function applyForCourse(courseId: string, memberKey: string): Promise<ResidentTrainingApplication> {
  return request<ResidentTrainingApplication>(`${coursePath(courseId)}/apply`, { method: 'POST', data: { memberKey } });
}

/** 我的培训: the resident's applications and those made for their household members, newest first. */
export async function listMyApplications(): Promise<ResidentTrainingApplication[]> {
  const { items } = await request<{ items: ResidentTrainingApplication[] }>('/resident/training/applications', { retryPrompt: false });
  return items;
}

export function withdrawApplication(id: string): Promise<ResidentTrainingApplication> {
  return request<ResidentTrainingApplication>(`${applicationPath(id)}/withdraw`, { method: 'POST', data: {} });
}

/** The resident's own registrations: where the household lives and whether its relocation was approved. */
export async function listMyRegistrations(): Promise<ResidentRegistration[]> {
  const { items } = await request<{ items: ResidentRegistration[] }>('/resident/registrations', { retryPrompt: false });
  return items;
}
