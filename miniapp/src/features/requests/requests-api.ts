import type {
  Page,
  RateRequestBody,
  ResidentAnnouncementArea,
  ResidentRequest,
  ResidentRequestSummary,
  SubmitRequestBody,
} from '@anqian/shared';
import { request } from '@/lib/request';

/** Ten fit a phone screen or two; the resident taps 加载更多 for older ones. */
export const REQUESTS_PAGE_SIZE = 10;

export function listMyRequests(page: number): Promise<Page<ResidentRequestSummary>> {
  return request<Page<ResidentRequestSummary>>(`/resident/requests?page=${page}&pageSize=${REQUESTS_PAGE_SIZE}`, { retryPrompt: false });
}

export function getMyRequest(id: string): Promise<ResidentRequest> {
  return request<ResidentRequest>(`/resident/requests/${encodeURIComponent(id)}`, { retryPrompt: false });
}

/** The same idempotency key on a retry answers with the request already stored, never a second one. */
export function submitRequest(body: SubmitRequestBody): Promise<ResidentRequest> {
  return request<ResidentRequest>('/resident/requests', { method: 'POST', data: body });
}

export function rateRequest(id: string, body: RateRequestBody): Promise<ResidentRequest> {
  return request<ResidentRequest>(`/resident/requests/${encodeURIComponent(id)}/rate`, { method: 'POST', data: body });
}

export function reopenRequest(id: string, reason: string): Promise<ResidentRequest> {
  return request<ResidentRequest>(`/resident/requests/${encodeURIComponent(id)}/reopen`, { method: 'POST', data: { reason } });
}

export function withdrawRequest(id: string): Promise<ResidentRequest> {
  return request<ResidentRequest>(`/resident/requests/${encodeURIComponent(id)}/withdraw`, { method: 'POST', data: {} });
}

/** The resident's own village(s): from the household file, or the one chosen for notices; null when neither. */
export function getHomeVillages(): Promise<ResidentAnnouncementArea | null> {
  return request<ResidentAnnouncementArea | null>('/resident/announcement-area', { retryPrompt: false });
}
