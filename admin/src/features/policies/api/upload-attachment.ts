import type { PolicyAttachment } from '@anqian/shared';
import { api } from '@/lib/api-client';

/** PDF attachments are uploaded one by one, then sent as ids with the document. */
export function uploadPolicyAttachment(file: File): Promise<PolicyAttachment> {
  const form = new FormData();
  form.append('file', file);
  return api.upload<PolicyAttachment>('/policy-attachments', form, { expected: true });
}

/** Same origin, so the session cookie authorises the download. */
export const policyAttachmentUrl = (id: string) => `/api/policy-attachments/${encodeURIComponent(id)}`;
