import type { CreatePolicyBody } from '@anqian/shared';
import type { TestApp } from '../../../test/test-app';

type Agent = Awaited<ReturnType<TestApp['signIn']>>['agent'];

/** Staff requests with the CSRF header, including PUT and DELETE. */
export function staffClient(staff: { agent: Agent; csrf: string }) {
  return {
    get: (path: string, query: Record<string, string | number> = {}) => staff.agent.get(path).query(query),
    post: (path: string, body?: object) => staff.agent.post(path).set('X-CSRF-Token', staff.csrf).send(body),
    patch: (path: string, body?: object) => staff.agent.patch(path).set('X-CSRF-Token', staff.csrf).send(body),
    put: (path: string, body?: object) => staff.agent.put(path).set('X-CSRF-Token', staff.csrf).send(body),
    delete: (path: string) => staff.agent.delete(path).set('X-CSRF-Token', staff.csrf),
    upload: (path: string, content: Buffer, filename: string, contentType = 'application/pdf') =>
      staff.agent.post(path).set('X-CSRF-Token', staff.csrf).attach('file', content, { filename, contentType }),
  };
}

export type StaffClient = ReturnType<typeof staffClient>;

/** A valid county-wide policy document. */
export function buildPolicyBody(divisionCode: string, overrides: Partial<CreatePolicyBody> = {}): CreatePolicyBody {
  return {
    title: '关于做好避险搬迁群众就业帮扶的通知',
    category: 'employment',
    issuingBody: '武定县人力资源和社会保障局',
    documentNumber: '武人社发〔2026〕3号',
    publishDate: '2026-03-01',
    effectiveFrom: '2026-03-01',
    effectiveTo: null,
    bodyHtml: '<p>各乡镇：为帮助搬迁群众稳定就业，每月组织一次专场招聘会。</p>',
    interpretation: '每个月都有招聘会，搬迁户优先。',
    pinned: false,
    divisionCode,
    ...overrides,
  };
}

/** Creates and publishes a document; returns its id. */
export async function publishedPolicy(client: StaffClient, body: CreatePolicyBody): Promise<string> {
  const created = await client.post('/api/policies', body);
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await client.post(`/api/policies/${created.body.id}/publish`);
  if (published.status !== 200) throw new Error(`publish failed: ${published.status} ${JSON.stringify(published.body)}`);
  return created.body.id as string;
}
