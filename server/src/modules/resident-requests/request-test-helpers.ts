import type { SubmitRequestBody } from '@anqian/shared';
import { asResident, newIdempotencyKey, villageOf } from '../../../test/factories';
import type { TestApp } from '../../../test/test-app';

export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** A repair request in the first village of the first township, with a fresh key. */
export function buildRequestBody(t: TestApp, overrides: Partial<SubmitRequestBody> = {}): SubmitRequestBody {
  return {
    idempotencyKey: newIdempotencyKey(),
    category: 'repair',
    text: '安置点 3 栋 2 单元楼道灯坏了一个多月，晚上老人上下楼看不见。',
    photoIds: [],
    place: { villageCode: villageOf(t.county) },
    ...overrides,
  };
}

/** A signed-in resident (with consent) and their requests. */
export async function newResident(t: TestApp) {
  const { token, login } = await t.residentToken();
  const client = asResident(t, token);
  return {
    id: login.resident.id as string,
    client,
    async submit(overrides: Partial<SubmitRequestBody> = {}) {
      const response = await client.post('/api/resident/requests', buildRequestBody(t, overrides));
      if (response.status !== 201) throw new Error(`submit failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as { id: string };
    },
    async photo() {
      const response = await t.request().post('/api/resident/photos').set('Authorization', `Bearer ${token}`).attach('file', PNG, 'light.png');
      return response.body.id as string;
    },
  };
}
