import { createTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/health', () => {
  it('reports ok with the database up', async () => {
    const response = await t.request().get('/api/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'ok',
      uptimeSeconds: expect.any(Number),
      memoryRssMb: expect.any(Number),
      database: { status: 'up', latencyMs: expect.any(Number) },
    });
  });

  it('answers 503 degraded while the database connection is closed', async () => {
    const broken = await createTestApp();
    try {
      await broken.connection.close();

      const response = await broken.request().get('/api/health');

      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ status: 'degraded', database: { status: 'down', latencyMs: null } });
    } finally {
      // Reconnect so that close() can drop this test's database.
      await broken.connection.openUri(process.env.MONGODB_URI!, { dbName: broken.config.mongodbDb });
      await broken.close();
    }
  });
});
